d=$1; s=$1/$2; x=$1/$3; p=$1/$3.part;
mine() { if [ -L "$1" ]; then return 2; elif [ -d "$1" ]; then return 0; elif [ -e "$1" ]; then return 2; fi; return 1; };
[ -d "$d" ] && [ ! -L "$d" ] || { echo "$d is not a directory" >&2; exit 3; };
mine "$s"; case $? in
  2) echo "$s is not a folder Nightwatch made" >&2; exit 4;;
  1) if mine "$x"; then rm -rf -- "$x" || { echo "kept $x"; exit 7; }; fi; echo "nothing to put back"; exit 0;;
esac;
mine "$x"; r=$?;
[ $r -ne 2 ] || { echo "$x is not a folder Nightwatch made" >&2; exit 4; };
if [ $r -eq 1 ]; then
  mine "$p"; case $? in 2) echo "$p is not a folder Nightwatch made" >&2; exit 4;; 1) mkdir -m 700 -- "$p" || exit 4;; esac;
  set --;
  for e in "$d"/* "$d"/.[!.]* "$d"/..?*; do
    [ -e "$e" ] || [ -L "$e" ] || continue;
    case ${e##*/} in .nightwatch-*) continue;; esac;
    set -- "$@" "$e";
  done;
  [ $# -eq 0 ] || mv -- "$@" "$p"/ || exit 5;
  mv -- "$p" "$x" || exit 5;
fi;
set --;
for e in "$s"/* "$s"/.[!.]* "$s"/..?*; do
  [ -e "$e" ] || [ -L "$e" ] || continue;
  set -- "$@" "$e";
done;
[ $# -eq 0 ] || mv -- "$@" "$d"/ || exit 6;
rmdir -- "$s" || exit 6;
echo "put back $#";
rm -rf -- "$x" || { echo "kept $x"; exit 7; }
