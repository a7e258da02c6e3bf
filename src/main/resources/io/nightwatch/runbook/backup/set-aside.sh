d=$1; s=$1/$2;
[ -d "$d" ] && [ ! -L "$d" ] || { echo "$d is not a directory" >&2; exit 3; };
set -f; set -- $(ls -nd -- "$d"); set +f;
case "$3:$4" in *[!0-9:]*|:*|*:) echo "cannot read the owner of $d" >&2; exit 3;; esac;
echo "owner $3:$4";
if [ -L "$s" ] || { [ -e "$s" ] && [ ! -d "$s" ]; }; then echo "$s is not a folder Nightwatch made" >&2; exit 4; fi;
[ -d "$s" ] || mkdir -m 700 -- "$s" || exit 4;
chown -h -- "$3:$4" "$s" 2>/dev/null || :;
move_all "$d" "$s" keep-ours || exit 5;
echo "moved $n"
