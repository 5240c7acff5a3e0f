// The common two-character surnames; any other name has a one-character surname.
const COMPOUND_SURNAMES =
  /^(欧阳|歐陽|司马|司馬|诸葛|諸葛|上官|东方|東方|皇甫|尉迟|尉遲|公孙|公孫|慕容|长孙|長孫|夏侯|令狐|宇文|司徒|澹台|轩辕|軒轅|端木|呼延|申屠|万俟|萬俟|独孤|獨孤|南宫|南宮|闻人|聞人|西门|西門)/;

/**
 * Splits a Han name into `[family, given]`: `盛俊泰` → `['盛', '俊泰']`, `欧阳修` → `['欧阳', '修']`.
 * Anything else (a name with a middle dot, Latin letters, more than four characters) comes back whole.
 */
export function splitChineseName(name: string): string[] {
  if (!/^\p{Script=Han}{2,4}$/u.test(name)) return [name];
  const surname = name.length >= 3 ? (COMPOUND_SURNAMES.exec(name)?.[0] ?? name[0]) : name[0];
  return surname ? [surname, name.slice(surname.length)] : [name];
}
