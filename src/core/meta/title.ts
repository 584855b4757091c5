/**
 * What a report title says: the subject (who reports) and the year covered. Title shapes
 * (domain §2.4): "{主体}关于{YYYY}年{度}…法治政府建设情况的报告", "{主体}{YYYY}年度法治政府建设(工作)报告",
 * "关于{YYYY}年度法治政府建设情况的报告" (no subject), joint "中共{X}委 {X}人民政府关于…".
 */

export interface TitleParts {
  /** Who reports, as written before 关于 or before the year; '' when the title names no one. */
  subject: string;
  /** Offsets of the subject within the title. */
  subjectStart: number;
  subjectEnd: number;
  year: number | null;
  /** Offsets of the year within the title. */
  yearStart: number;
  yearEnd: number;
}

const YEAR = /((?:19|20)\d{2})\s*年/u;

export function parseTitle(title: string): TitleParts {
  const y = YEAR.exec(title);
  const about = title.indexOf('关于');
  let subjectEnd = about >= 0 ? about : y ? y.index : 0;
  if (about >= 0 && y && y.index < about) subjectEnd = y.index;
  let subjectStart = 0;
  // A "标题:" label or a bracketed column name may precede the subject.
  const label = /^(标\s*题|名\s*称)\s*[:：]\s*/u.exec(title);
  if (label) subjectStart = label[0].length;
  const subject = title.slice(subjectStart, subjectEnd).trim();
  return {
    subject,
    subjectStart: subject ? title.indexOf(subject, subjectStart) : subjectStart,
    subjectEnd: subject ? title.indexOf(subject, subjectStart) + subject.length : subjectStart,
    year: y ? Number(y[1]) : null,
    yearStart: y ? y.index : -1,
    yearEnd: y ? y.index + (y[1] as string).length : -1,
  };
}
