# Types "nightwatch ser<TAB>" into an interactive zsh (zpty), then prints the edited line as "BUF:<line>".
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z 'bindkey -e; PS1="> "; fpath=(/usr/share/zsh/vendor-completions $fpath); autoload -U compinit; compinit -u'
zpty -n -w z $'nightwatch ser\t'
out=
for i in {1..200}; do
  while zpty -r -t z chunk; do out+=$chunk; done
  [[ $out == *serve* ]] && break
  sleep 0.1
done
zpty -n -w z $'\x01print -r -- BUF:\n'
for i in {1..100}; do
  while zpty -r -t z chunk; do out+=$chunk; done
  [[ ${out//$'\r'/} == *$'\n'BUF:* ]] && break
  sleep 0.1
done
zpty -d z
print -r -- ${out//$'\r'/}
