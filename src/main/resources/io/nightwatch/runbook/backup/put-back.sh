d=$1; s=$1/$2; x=$1/$3; p=$1/$3.part;
[ -d "$d" ] && [ ! -L "$d" ] || { echo "$d is not a directory" >&2; exit 3; };
mine "$s"; case $? in
  2) echo "$s is not a folder Nightwatch made" >&2; exit 4;;
  1) if mine "$x"; then rm -rf -- "$x" || { echo "kept $x"; exit 7; }; fi; echo "nothing to put back"; exit 0;;
esac;
mine "$x"; r=$?;
[ $r -ne 2 ] || { echo "$x is not a folder Nightwatch made" >&2; exit 4; };
if [ $r -eq 1 ]; then
  mine "$p"; case $? in 2) echo "$p is not a folder Nightwatch made" >&2; exit 4;; 1) mkdir -m 700 -- "$p" || exit 4;; esac;
  move_all "$d" "$p" keep-ours || exit 5;
  mv -- "$p" "$x" || exit 5;
fi;
move_all "$s" "$d" || exit 6;
rmdir -- "$s" || exit 6;
echo "put back $n";
rm -rf -- "$x" || { echo "kept $x"; exit 7; }
