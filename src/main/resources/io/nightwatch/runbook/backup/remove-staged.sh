d=$1; n=0;
[ -d "$d" ] && [ ! -L "$d" ] || { echo "$d is not a directory" >&2; exit 3; };
for f in "$1/$2" "$1/$2.swap"; do
  if [ -L "$f" ] || { [ -e "$f" ] && [ ! -d "$f" ]; }; then echo "$f is not a folder Nightwatch made" >&2; exit 4; fi;
  [ -d "$f" ] || continue;
  rm -rf -- "$f" || exit 7;
  n=$((n+1));
done;
echo "removed $n"
