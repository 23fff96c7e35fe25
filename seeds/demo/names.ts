/**
 * Names for the demo people: Chinese names (surname + given name, weighted towards the
 * common surnames so that, as in real data, many people share a name — names are never
 * identities, SPEC §5) with an English name beside them, and a few foreign nationals.
 */
import type { Random } from '../lib/random';

type Hanzi = readonly [hanzi: string, pinyin: string];

/** `王 Wang  李 Li …` → pairs: the lists read as a table, not one pair per line. */
function hanziList(text: string): Hanzi[] {
  const words = text.trim().split(/\s+/);
  const pairs: Hanzi[] = [];
  for (let i = 0; i + 1 < words.length; i += 2)
    pairs.push([words[i] as string, words[i + 1] as string]);
  return pairs;
}

// The most frequent surnames first; `pickSurname` favours the head of the list.
const SURNAMES = hanziList(`
  王 Wang  李 Li  张 Zhang  刘 Liu  陈 Chen  杨 Yang  黄 Huang  赵 Zhao  吴 Wu  周 Zhou  徐 Xu
  孙 Sun  马 Ma  朱 Zhu  胡 Hu  郭 Guo  何 He  高 Gao  林 Lin  罗 Luo  郑 Zheng  梁 Liang
  谢 Xie  宋 Song  唐 Tang  许 Xu  韩 Han  冯 Feng  邓 Deng  曹 Cao  彭 Peng  曾 Zeng  肖 Xiao
  田 Tian  董 Dong  袁 Yuan  潘 Pan  于 Yu  蒋 Jiang  蔡 Cai  余 Yu  杜 Du  叶 Ye  程 Cheng
  苏 Su  魏 Wei  吕 Lyu  丁 Ding  任 Ren  沈 Shen  姚 Yao  卢 Lu  姜 Jiang  崔 Cui  钟 Zhong
  谭 Tan  陆 Lu  汪 Wang  范 Fan  金 Jin  欧阳 Ouyang  司马 Sima
`);

const GIVEN_FEMALE = hanziList(`
  芳 Fang  娜 Na  敏 Min  静 Jing  丽 Li  艳 Yan  秀英 Xiuying  婷 Ting  雪 Xue  欣怡 Xinyi
  梓涵 Zihan  雨萱 Yuxuan  诗涵 Shihan  佳怡 Jiayi  晓燕 Xiaoyan  丹 Dan  慧 Hui  玉兰 Yulan
  桂英 Guiying  思琪 Siqi  可馨 Kexin
`);

const GIVEN_MALE = hanziList(`
  伟 Wei  强 Qiang  磊 Lei  军 Jun  洋 Yang  勇 Yong  杰 Jie  涛 Tao  明 Ming  超 Chao
  浩然 Haoran  子轩 Zixuan  宇航 Yuhang  俊杰 Junjie  建华 Jianhua  志强 Zhiqiang  鹏 Peng
  文博 Wenbo  一鸣 Yiming  国庆 Guoqing  晨 Chen
`);

const ENGLISH_FEMALE =
  `Emily Grace Lily Amy Cindy Linda Sophia Vivian Helen Iris Joyce Wendy`.split(' ');
const ENGLISH_MALE =
  `James David Michael Kevin Jason Eric Peter Tony Leo Daniel Andrew Frank`.split(' ');
const ENGLISH_SURNAMES =
  `Smith Johnson Brown Taylor Wilson Anderson Martin Clark Lewis Walker Müller Dubois`.split(' ');

export type Gender = 'F' | 'M';

export interface PersonName {
  /** The name as the account service stores it: Chinese for Chinese nationals. */
  readonly full: string;
  readonly chinese?: string;
  readonly english: string;
  /** Latin-letter parts, for e-mail addresses and device names. */
  readonly latinGiven: string;
  readonly latinFamily: string;
}

function pickSurname(rng: Random): Hanzi {
  // Squaring a uniform draw skews towards the front of the frequency-ordered list.
  const u = rng.float();
  return SURNAMES[Math.floor(u * u * SURNAMES.length)] as Hanzi;
}

export function generateName(rng: Random, gender: Gender, foreign: boolean): PersonName {
  const englishGiven = rng.pick(gender === 'F' ? ENGLISH_FEMALE : ENGLISH_MALE);
  if (foreign) {
    const family = rng.pick(ENGLISH_SURNAMES);
    const english = `${englishGiven} ${family}`;
    return { full: english, english, latinGiven: englishGiven, latinFamily: family };
  }
  const [surname, surnamePinyin] = pickSurname(rng);
  const [given, givenPinyin] = rng.pick(gender === 'F' ? GIVEN_FEMALE : GIVEN_MALE);
  // About half use an English given name at work, the rest their name in pinyin.
  const latinGiven = rng.chance(0.5) ? englishGiven : givenPinyin;
  return {
    full: `${surname}${given}`,
    chinese: `${surname}${given}`,
    english: `${latinGiven} ${surnamePinyin}`,
    latinGiven,
    latinFamily: surnamePinyin,
  };
}
