/**
 * Words the extractor reads around a figure, apart from any one indicator's
 * rules: what marks a goal, a total, a period bound, or a zero or full
 * coverage said in words. The subjects of such zero and full statements are
 * each indicator's own (`zero`, `full` in catalog.ts).
 *
 * May import: nothing outside src/catalog.
 */
import type { GuardedWord } from './types';

/**
 * A figure after one of these, in its clause, is a quota or a goal, not a
 * result (不少于10场, 力争无行政诉讼案件).
 */
export const QUOTA_WORDS: readonly GuardedWord[] = [
  { word: '不少于' },
  { word: '不低于' },
  { word: '至少' },
  { word: '不超过' },
  { word: '不多于' },
  { word: '力争' },
  { word: '争取' },
  { word: '确保' },
  { word: '计划' },
  // 拟 "intends to", not 代拟/草拟/模拟 (drafting, simulating).
  { word: '拟', notAfter: '代草模' },
  { word: '预计' },
  // 目标 "goal", not the noun of 目标责任书/目标考核 (a target-responsibility letter, an appraisal).
  { word: '目标', notBefore: ['责任', '管理', '考核'] },
];

/** Words that mark a figure as a total (a total beats a part when figures differ). */
export const TOTAL_WORDS: readonly string[] = [
  '全年',
  '年内',
  '共',
  '累计',
  '合计',
  '总计',
  '全镇',
  '全乡',
  '全街道',
  '今年',
];

/** Words that bound a figure's period to a date: 截至10月底 (the date follows them). */
export const PERIOD_UP_TO_WORDS: readonly string[] = ['截至', '截止到', '截止至', '截止'];

/** Named parts of a year; spans of months (1-10月) are read as numbers. */
export const PART_YEAR_WORDS: readonly string[] = ['上半年', '前三季度', '前两个季度'];

/** A zero said in words: these, then a subject, 全年未发生行政诉讼案件. */
export const ZERO_WORDS = {
  /** The negation, longer forms first. */
  none: [
    '未发生',
    '没有发生',
    '未出现',
    '没有',
    '无',
    '未收到',
    '未接到',
    '未制定',
    '未出台',
    '未印发',
  ],
  /** A verb of issuing that may follow it: 未出台印发规范性文件. */
  issued: ['出台', '印发', '发布', '制发'],
  /** A count word that may follow: 未发生一起. */
  single: ['一起', '任何', '一件'],
  /** A noun that may close the subject: 行政诉讼案件. */
  nouns: ['案件', '事项'],
  /** Joins two subjects: 无行政复议和行政诉讼案件. */
  and: ['和', '及', '、', '或', '与'],
} as const satisfies Record<string, readonly string[]>;

/** Full coverage said in words: 实现/达到/做到…全覆盖 → 100 %. */
export const FULL_WORDS = {
  reached: ['实现', '达到', '做到'],
  coverage: '全覆盖',
  /** Work under way, not all, a purpose or a negation right before 实现…: not full coverage. */
  notBefore: [
    '未',
    '没有',
    '未能',
    '尚未',
    '不',
    '为',
    '以',
    '基本',
    '逐步',
    '力争',
    '确保',
    '争取',
    '推动',
    '推进',
  ],
} as const;
