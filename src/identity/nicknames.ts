// Given names that are one name to the people who answer to them ("Bob" for Robert), which no
// string metric sees as alike. A short table of the common English short forms and a few spelling
// pairs; a name outside it is compared by the string metric alone.

/** Each group: one formal name first, then the forms commonly used for it. */
const GROUPS: readonly (readonly string[])[] = [
  ['abigail', 'abby', 'abbie', 'gail'],
  ['albert', 'al', 'bert', 'bertie'],
  ['alexander', 'alex', 'alec', 'sandy', 'xander'],
  ['alexandra', 'alex', 'alexa', 'sandra', 'sandy', 'lexi'],
  ['andrew', 'andy', 'drew'],
  ['anthony', 'tony', 'antony'],
  ['barbara', 'barb', 'babs', 'barbie'],
  ['benjamin', 'ben', 'benny', 'benji'],
  ['catherine', 'katherine', 'kathryn', 'cathy', 'kathy', 'kate', 'katie', 'kat', 'kay', 'kitty'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['christina', 'christine', 'chris', 'tina', 'chrissy'],
  ['christopher', 'chris', 'kit', 'topher'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davy'],
  ['deborah', 'debra', 'debbie', 'deb'],
  ['donald', 'don', 'donny'],
  ['dorothy', 'dot', 'dottie', 'dolly'],
  ['edward', 'ed', 'eddie', 'ted', 'teddy', 'ned'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'bess', 'eliza', 'libby', 'lisa', 'elsie'],
  ['eleanor', 'ellie', 'nell', 'nora'],
  ['frances', 'fran', 'frankie', 'fanny'],
  ['francis', 'frank', 'fran'],
  ['frederick', 'fred', 'freddie', 'fritz'],
  ['gregory', 'greg'],
  ['harold', 'harry', 'hal'],
  ['henry', 'harry', 'hank', 'hal'],
  ['jacob', 'jake', 'jay'],
  ['james', 'jim', 'jimmy', 'jamie', 'jem'],
  ['jennifer', 'jen', 'jenny', 'jenn'],
  ['jessica', 'jess', 'jessie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['jonathan', 'jon', 'jonny', 'nathan'],
  ['joseph', 'joe', 'joey', 'jos'],
  ['josephine', 'jo', 'josie'],
  ['joshua', 'josh'],
  ['kenneth', 'ken', 'kenny'],
  ['lawrence', 'laurence', 'larry', 'laurie'],
  ['leonard', 'leo', 'len', 'lenny'],
  ['margaret', 'maggie', 'meg', 'peggy', 'marge', 'madge', 'greta', 'daisy'],
  ['matthew', 'matt', 'matty'],
  ['michael', 'mike', 'mick', 'micky', 'mikey'],
  ['nicholas', 'nick', 'nicky', 'nico'],
  ['patricia', 'pat', 'patty', 'trish', 'tricia'],
  ['patrick', 'pat', 'paddy', 'rick'],
  ['peter', 'pete'],
  ['philip', 'phillip', 'phil', 'pip'],
  ['rebecca', 'becky', 'becca'],
  ['richard', 'rich', 'rick', 'ricky', 'dick', 'richie'],
  ['robert', 'rob', 'robbie', 'bob', 'bobby', 'bert'],
  ['ronald', 'ron', 'ronnie'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy'],
  ['stephen', 'steven', 'steve', 'stevie'],
  ['susan', 'sue', 'susie', 'suzy'],
  ['theodore', 'theo', 'ted', 'teddy'],
  ['thomas', 'tom', 'tommy'],
  ['timothy', 'tim', 'timmy'],
  ['victoria', 'vicky', 'vicki', 'tori'],
  ['william', 'will', 'bill', 'billy', 'willy', 'liam'],
];

// name → indexes of the groups it belongs to ("pat" is in two).
const GROUPS_OF = new Map<string, number[]>();
GROUPS.forEach((group, index) => {
  for (const name of group) GROUPS_OF.set(name, [...(GROUPS_OF.get(name) ?? []), index]);
});

/** Whether two folded given names (first word each) are forms of one name in the table. */
export function areNicknames(a: string, b: string): boolean {
  if (a === b) return false;
  const groups = GROUPS_OF.get(a);
  if (!groups) return false;
  const other = GROUPS_OF.get(b);
  return other !== undefined && groups.some((g) => other.includes(g));
}
