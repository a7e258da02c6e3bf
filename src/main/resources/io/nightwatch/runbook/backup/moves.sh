mine() { if [ -L "$1" ]; then return 2; elif [ -d "$1" ]; then return 0; elif [ -e "$1" ]; then return 2; fi; return 1; };
move_all() {
  f=$1; t=$2; k=$3;
  set --;
  for e in "$f"/* "$f"/.[!.]* "$f"/..?*; do
    [ -e "$e" ] || [ -L "$e" ] || continue;
    if [ -n "$k" ]; then case ${e##*/} in .nightwatch-*) continue;; esac; fi;
    set -- "$@" "$e";
  done;
  n=$#;
  [ $# -eq 0 ] || mv -- "$@" "$t"/;
};
