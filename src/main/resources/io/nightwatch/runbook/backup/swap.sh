d=$1; s=$1/$2; i=$1/$3; w=$1/$3.swap;
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
  move_all "$d" "$s" keep-ours || exit 5;
  echo "moved $n";
  mv -- "$i" "$w" || exit 5;
fi;
move_all "$w" "$d" || exit 6;
echo "placed $n";
rmdir -- "$w" 2>/dev/null || echo "kept $w"
