/**
 * Synthetic fact stores for the scaling benchmark: realistic person names from several origins, places built
 * from syllables, organisations with acronyms; several aliases each, including surname-rule aliases. Compiled by
 * the real `compileIndex`, so the index has the shape the content script ships. Deterministic for a given size.
 */
import { compileIndex, type CompiledIndex } from '../../store/compile';
import type { AliasSpec, FactRecord } from '../../store/schema';

const FIRST =
  // English, French, German, Spanish/Portuguese, Italian, Slavic, Arabic, Turkish, Persian, Chinese, Japanese,
  // Korean, Indian, African, Nordic.
  (
    'James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda Elizabeth ' +
    'Barbara Susan Jessica Sarah Karen Emily Hannah Olivia ' +
    'Jean Pierre Michel Philippe Nicolas Camille Élodie Sophie Amélie François Hélène Margaux ' +
    'Hans Jürgen Klaus Wolfgang Stefan Matthias Annika Ursula Katrin Jörg Sabine ' +
    'José Juan Carlos Miguel Javier Lucía Carmen María Sofía Alejandro João Gonçalo Inês ' +
    'Giuseppe Giovanni Marco Francesca Chiara Alessandro Giulia Matteo ' +
    'Vladimir Sergey Dmitry Olga Tatiana Natalia Andriy Oleksandr Yulia Piotr Agnieszka Tomáš Zdeněk ' +
    'Mohammed Ahmed Ali Omar Fatima Aisha Khalid Youssef Layla Hassan Mahmoud Nour ' +
    'Mehmet Mustafa Ayşe Emine Recep Kemal Zeynep Ömer ' +
    'Reza Mahmoud Hossein Shirin Dariush Parisa ' +
    'Wei Jing Li Xiaoming Yan Hui Zhiqiang Mei ' +
    'Hiroshi Takeshi Yuki Haruto Sakura Kenji Aiko ' +
    'Min-jun Seo-yeon Ji-hoon Hye-jin ' +
    'Rahul Priya Amit Sunita Arjun Lakshmi Narendra ' +
    'Kwame Chinedu Amara Oluwaseun Thabo Nomvula Abebe ' +
    'Lars Sven Ingrid Astrid Bjørn Sigrid Magnus'
  ).split(' ');

const SURNAMES = (
  'Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson ' +
  'White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell ' +
  'Dubois Lefèvre Moreau Laurent Fournier Girard Bonnet Mercier Rousseau Lambert Faure ' +
  'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Richter ' +
  'García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera Gómez Díaz ' +
  'Silva Santos Oliveira Souza Pereira Costa Carvalho Almeida Ferreira ' +
  'Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti ' +
  'Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov ' +
  'Shevchenko Kovalenko Bondarenko Tkachenko Kowalski Nowak Wiśniewski Dvořák Novák ' +
  'al-Rashid al-Hashimi al-Masri Haddad Khoury Nasser Mansour Saleh Abdullah Ibrahim Hussein Aziz el-Sayed ' +
  'Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Arslan Doğan ' +
  'Hosseini Mohammadi Rezaei Ahmadi Karimi Moradi Jafari ' +
  'Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Gao ' +
  'Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato ' +
  'Kim Park Choi Jung Kang Cho Yoon Jang ' +
  'Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Banerjee Chatterjee ' +
  'Okafor Mensah Adeyemi Nkosi Mwangi Kamau Diallo Traoré Keita Haile ' +
  'Andersson Johansson Karlsson Nilsson Eriksson Larsen Hansen Nielsen Jensen'
).split(' ');

const SYLLABLES =
  'ka ro va li mo ne ta ri sa lo be mi da no ze ru pa ko vi la to sen mar dor val ter bra gor lin'.split(' ');
const PLACE_ENDINGS = ['ia', 'stan', 'burg', 'ville', 'pur', 'abad', 'grad', 'polis', 'ford', 'heim', 'ora', 'esh'];
const PLACE_KINDS = ['City', 'Province', 'Republic', 'Valley', 'District'];
const ORG_WORDS = [
  'Institute',
  'Council',
  'Agency',
  'Bank',
  'Foundation',
  'Group',
  'Union',
  'Corporation',
  'Party',
  'Front',
];

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same store. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `count` synthetic records: 60 % people, 30 % places, 10 % organisations; names unique. */
export function syntheticRecords(count: number, seed = 1): FactRecord[] {
  const rand = prng(seed + count);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const taken = new Set<string>();
  const out: FactRecord[] = [];
  const add = (type: FactRecord['type'], name: string, aliases: (string | AliasSpec)[]) => {
    const id = `syn-${out.length}`;
    out.push({ id, type, name, wikipedia: `Synthetic ${out.length}`, summary: '', aliases, facts: [], sources: [] });
  };
  const unique = (make: () => string): string => {
    for (;;) {
      const n = make();
      if (!taken.has(n)) {
        taken.add(n);
        return n;
      }
    }
  };
  while (out.length < count) {
    const r = rand();
    if (r < 0.6) {
      const first = pick(FIRST);
      const surname = pick(SURNAMES);
      // Most people are "First Surname"; the rest take a middle name or initial, as real stores must to stay unique.
      const name = unique(() => {
        const u = rand();
        if (u < 0.05 && !taken.has(`${first} ${surname}`)) return `${first} ${surname}`;
        if (u < 0.5) return `${first} ${String.fromCharCode(65 + Math.floor(rand() * 26))}. ${surname}`;
        return `${first} ${pick(FIRST)} ${surname}`;
      });
      const aliases: (string | AliasSpec)[] = [{ text: surname, rule: 'surname' }];
      if (name !== `${first} ${surname}` && !taken.has(`${first} ${surname}`)) aliases.push(`${first} ${surname}`);
      // A transliterated spelling without diacritics for some, as records for foreign names carry.
      const plain = name.normalize('NFD').replace(/\p{M}/gu, '');
      if (plain !== name) aliases.push(plain);
      add('person', name, aliases);
    } else if (r < 0.9) {
      const name = unique(() => {
        const n = 2 + Math.floor(rand() * 2);
        let s = '';
        for (let k = 0; k < n; k++) s += pick(SYLLABLES);
        return cap(s + pick(PLACE_ENDINGS));
      });
      add('place', name, [`${name} ${pick(PLACE_KINDS)}`, `${pick(PLACE_KINDS)} of ${name}`]);
    } else {
      const name = unique(
        () =>
          `${rand() < 0.5 ? 'National' : 'United'} ${cap(pick(SYLLABLES) + pick(SYLLABLES) + pick(PLACE_ENDINGS))} ${pick(ORG_WORDS)}`,
      );
      const words = name.split(' ');
      const acronym = words.map((w) => w.charAt(0)).join('');
      add('organization', name, [words.slice(1).join(' '), { text: acronym, case: 'exact' }]);
    }
  }
  return out;
}

/** The compiled index of a synthetic store of `count` entities. */
export const syntheticIndex = (count: number): CompiledIndex => compileIndex(syntheticRecords(count));
