d=$1; s=$1/$2; i=$1/$3; w=$1/$3.swap;
mine() { if [ -L "$1" ]; then return 2; elif [ -d "$1" ]; then return 0; elif [ -e "$1" ]; then return 2; fi; return 1; };
[ -d "$d" ] && [ ! -L "$d" ] || { echo "$d is not a directory" >&2; exit 3; };
mine "$s"; ms=$?; mine "$i"; mi=$?; mine "$w"; mw=$?;
[ $ms -ne 2 ] || { echo "$s is not a folder Nightwatch made" >&2; exit 4; };
[ $mi -ne 2 ] && [ $mw -ne 2 ] || { echo "$i is not a folder Nightwatch made" >&2; exit 4; };
[ $mi -eq 1 ] || [ $mw -eq 1 ] || { echo "both $i and $w exist" >&2; exit 4; };
if [ $mi -eq 1 ] && [ $mw -eq 1 ]; then
  [ $ms -eq 0 ] || { echo "nothing is staged in $i" >&2; exit 4; };
  echo "swapped already"; exit 0;
fi;
if [ $mi -eq 0 ]; then
  [ $ms -eq 0 ] || mkdir -m 700 -- "$s" || exit 4;
  chown -h -- "$4" "$s" 2>/dev/null || :;
  set --;
  for e in "$d"/* "$d"/.[!.]* "$d"/..?*; do
    [ -e "$e" ] || [ -L "$e" ] || continue;
    case ${e##*/} in .nightwatch-*) continue;; esac;
    set -- "$@" "$e";
  done;
  [ $# -eq 0 ] || mv -- "$@" "$s"/ || exit 5;
  echo "moved $#";
  mv -- "$i" "$w" || exit 5;
fi;
set --;
for e in "$w"/* "$w"/.[!.]* "$w"/..?*; do
  [ -e "$e" ] || [ -L "$e" ] || continue;
  set -- "$@" "$e";
done;
[ $# -eq 0 ] || mv -- "$@" "$d"/ || exit 6;
echo "placed $#";
rmdir -- "$w" 2>/dev/null || echo "kept $w"
