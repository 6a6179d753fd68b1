/**
 * The reviewed list: formulations that must be written exactly, and the real look-alikes that
 * are not errors. Changed only through commits, like code, and reviewed like code: every
 * entry says where it comes from, and `tests/unit/wording.test.ts` checks that each one is
 * long enough to match safely and that the list holds no duplicates.
 *
 * A near-miss of an entry here (one character wrong, missing or extra, or a homophone swapped
 * in; see ./matcher.ts) fails the content check. Editors' own additions live in
 * `content/settings/wording.yml` and only warn.
 *
 * Accuracy matters more than breadth: a leader's title is listed only while it is current
 * and verifiable, with the session that gave it. When an office changes hands, the entry
 * is changed in the same commit that changes the site's wording.
 */

/** What kind of formulation an entry is (for the message and the editor guide). */
export type FormulationKind = 'leader' | 'organ' | 'theory' | 'meeting' | 'values' | 'federation' | 'law' | 'workplan';

/** One formulation that must be written exactly. */
export interface Formulation {
  /** The exact text, as it must appear (quotes and spaces inside are ignored when matching). */
  text: string;
  kind: FormulationKind;
  /** Where it was checked: a document, a session or an official site's name. */
  source: string;
}

/** Sources, named once. */
const CONSTITUTION = '《中华人民共和国宪法》（2018年修正）和《中国共产党章程》（党的二十大修改）';
const PARTY_CONSTITUTION = '《中国共产党章程》（党的二十大部分修改，2022年10月22日通过）总纲';
const NPC_2023 =
  '第十四届全国人民代表大会第一次会议（2023年3月）选举和决定的任命；全国政协十四届一次会议（2023年3月）选举';
const PLENUMS = '中国共产党第二十届中央委员会历次全体会议公报（新华社发布）';
const VALUES = '中共中央办公厅《关于培育和践行社会主义核心价值观的意见》（2013年12月）';
const ACWF = '中华全国妇女联合会章程（中国妇女第十三次全国代表大会修改，2023年10月）';
const WORK_PLAN = '望妇发〔2024〕1号《长沙市望城区妇联 2024 年工作要点》（tests/fixtures/wording/work-plan-2024.txt）';
const LAWS = '国家法律法规数据库（全国人大常委会办公厅）所列法律名称';

/**
 * Every formulation that must be written exactly. Order does not matter; the matcher reports
 * the longest formulation a wrong text is closest to.
 */
export const REVIEWED: readonly Formulation[] = [
  // Leaders' names with their titles: current since March 2023.
  { text: '习近平', kind: 'leader', source: PARTY_CONSTITUTION },
  { text: '习近平同志', kind: 'leader', source: PARTY_CONSTITUTION },
  { text: '习近平总书记', kind: 'leader', source: PARTY_CONSTITUTION },
  { text: '国家主席习近平', kind: 'leader', source: NPC_2023 },
  { text: '中共中央总书记、国家主席、中央军委主席习近平', kind: 'leader', source: NPC_2023 },
  { text: '国务院总理李强', kind: 'leader', source: NPC_2023 },
  { text: '全国人大常委会委员长赵乐际', kind: 'leader', source: NPC_2023 },
  { text: '全国政协主席王沪宁', kind: 'leader', source: NPC_2023 },
  { text: '国家副主席韩正', kind: 'leader', source: NPC_2023 },

  // The Party, the state and their organs.
  { text: '中国共产党', kind: 'organ', source: CONSTITUTION },
  { text: '中国共产党中央委员会', kind: 'organ', source: CONSTITUTION },
  { text: '中共中央政治局', kind: 'organ', source: PARTY_CONSTITUTION },
  { text: '中共中央政治局常务委员会', kind: 'organ', source: PARTY_CONSTITUTION },
  { text: '中央纪律检查委员会', kind: 'organ', source: PARTY_CONSTITUTION },
  { text: '中华人民共和国', kind: 'organ', source: CONSTITUTION },
  { text: '中华人民共和国国务院', kind: 'organ', source: CONSTITUTION },
  { text: '全国人民代表大会', kind: 'organ', source: CONSTITUTION },
  { text: '全国人民代表大会常务委员会', kind: 'organ', source: CONSTITUTION },
  { text: '全国人大常委会', kind: 'organ', source: CONSTITUTION },
  { text: '中国人民政治协商会议', kind: 'organ', source: CONSTITUTION },
  { text: '中国人民政治协商会议全国委员会', kind: 'organ', source: CONSTITUTION },
  { text: '中央军事委员会', kind: 'organ', source: CONSTITUTION },
  { text: '国家监察委员会', kind: 'organ', source: CONSTITUTION },
  { text: '最高人民法院', kind: 'organ', source: CONSTITUTION },
  { text: '最高人民检察院', kind: 'organ', source: CONSTITUTION },
  { text: '中国人民解放军', kind: 'organ', source: CONSTITUTION },

  // Theory and policy formulations.
  { text: '马克思列宁主义', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '毛泽东思想', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '邓小平理论', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '“三个代表”重要思想', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '科学发展观', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '习近平新时代中国特色社会主义思想', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '新时代中国特色社会主义', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '中国特色社会主义', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '中国特色社会主义理论体系', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '中华民族伟大复兴', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '中国式现代化', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '“五位一体”总体布局', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '“四个全面”战略布局', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '政治意识、大局意识、核心意识、看齐意识', kind: 'theory', source: PARTY_CONSTITUTION },
  { text: '道路自信、理论自信、制度自信、文化自信', kind: 'theory', source: PARTY_CONSTITUTION },

  // Congresses and plenary sessions, with their accepted short forms.
  { text: '中国共产党第二十次全国代表大会', kind: 'meeting', source: PARTY_CONSTITUTION },
  { text: '党的二十大', kind: 'meeting', source: PARTY_CONSTITUTION },
  { text: '二十届一中全会', kind: 'meeting', source: PLENUMS },
  { text: '二十届二中全会', kind: 'meeting', source: PLENUMS },
  { text: '二十届三中全会', kind: 'meeting', source: PLENUMS },
  { text: '二十届四中全会', kind: 'meeting', source: PLENUMS },
  { text: '中国妇女第十三次全国代表大会', kind: 'meeting', source: ACWF },
  { text: '中国妇女十三大', kind: 'meeting', source: ACWF },
  {
    text: '“十四五”规划',
    kind: 'meeting',
    source: '《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》',
  },

  // The core socialist values, as a whole and in their three groups of four.
  { text: '社会主义核心价值观', kind: 'values', source: VALUES },
  { text: '富强、民主、文明、和谐', kind: 'values', source: VALUES },
  { text: '自由、平等、公正、法治', kind: 'values', source: VALUES },
  { text: '爱国、敬业、诚信、友善', kind: 'values', source: VALUES },

  // The women's federations, from the national one down to this district.
  { text: '中华全国妇女联合会', kind: 'federation', source: ACWF },
  { text: '湖南省妇女联合会', kind: 'federation', source: ACWF },
  { text: '湖南省妇联', kind: 'federation', source: ACWF },
  { text: '长沙市妇女联合会', kind: 'federation', source: ACWF },
  { text: '长沙市妇联', kind: 'federation', source: ACWF },
  { text: '长沙市望城区妇女联合会', kind: 'federation', source: WORK_PLAN },
  { text: '望城区妇女联合会', kind: 'federation', source: WORK_PLAN },
  { text: '望城区妇联', kind: 'federation', source: WORK_PLAN },
  { text: '中国妇女发展纲要', kind: 'federation', source: '国务院《中国妇女发展纲要（2021—2030年）》' },
  { text: '中国儿童发展纲要', kind: 'federation', source: '国务院《中国儿童发展纲要（2021—2030年）》' },

  // Laws the federation's work rests on.
  { text: '中华人民共和国妇女权益保障法', kind: 'law', source: LAWS },
  { text: '中华人民共和国家庭教育促进法', kind: 'law', source: LAWS },
  { text: '中华人民共和国反家庭暴力法', kind: 'law', source: LAWS },

  // Names in the federation's 2024 work plan.
  { text: '习近平总书记关于妇女儿童和妇联工作的重要论述', kind: 'workplan', source: WORK_PLAN },
  { text: '习近平关于妇女儿童和妇联工作论述摘编', kind: 'workplan', source: WORK_PLAN },
  { text: '习近平关于注重家庭家教家风建设论述摘编', kind: 'workplan', source: WORK_PLAN },
  { text: '习近平走进百姓家', kind: 'workplan', source: WORK_PLAN },
  { text: '巾帼大宣讲', kind: 'workplan', source: WORK_PLAN },
  { text: '巾帼心向党', kind: 'workplan', source: WORK_PLAN },
  { text: '产业质效倍增年', kind: 'workplan', source: WORK_PLAN },
  { text: '担当善为落实年', kind: 'workplan', source: WORK_PLAN },
  { text: '美家美妇美庭院', kind: 'workplan', source: WORK_PLAN },
  { text: '湘妹子能量家园', kind: 'workplan', source: WORK_PLAN },
  { text: '关爱她健康 守护幸福家', kind: 'workplan', source: WORK_PLAN },
  { text: '巾帼走在前 建功作示范', kind: 'workplan', source: WORK_PLAN },
  { text: '巾帼成长营', kind: 'workplan', source: WORK_PLAN },
  { text: '望城区家庭教育指导服务中心', kind: 'workplan', source: WORK_PLAN },
  { text: '建设法治长沙·巾帼在行动', kind: 'workplan', source: WORK_PLAN },
  { text: '巾帼普法乡村行', kind: 'workplan', source: WORK_PLAN },
  { text: '湘妹子赶集普法', kind: 'workplan', source: WORK_PLAN },
  { text: '利剑护蕾 雷霆行动', kind: 'workplan', source: WORK_PLAN },
  { text: '巾帼暖人心', kind: 'workplan', source: WORK_PLAN },
  { text: '我和父母学科学', kind: 'workplan', source: WORK_PLAN },
  { text: '一名执委一面旗', kind: 'workplan', source: WORK_PLAN },
  { text: '妇女儿童之家', kind: 'workplan', source: WORK_PLAN },
  { text: '激励关爱女性人才八项措施', kind: 'workplan', source: WORK_PLAN },
  { text: '月亮岛街道桃花井社区', kind: 'workplan', source: WORK_PLAN },
  { text: '桥驿镇杨桥村', kind: 'workplan', source: WORK_PLAN },
];

/**
 * Real words one character away from a listed formulation: where a near-miss's wrong
 * character falls inside one of these, the text is right and nothing is reported
 * (湖北省妇联 is not a slip for 湖南省妇联; 长沙县 is a county, not a slip for 长沙市).
 */
export const LOOK_ALIKES: readonly string[] = ['社会主义核心价值体系', '湖北', '长春', '长治', '长沙县', '望城县'];

/**
 * The marker that lets a wrong formulation stand, for the rare page that must quote one (a
 * correction notice): written right after the wrong text, visible to every reader, the
 * customary Chinese editorial “sic”. The content check still lists every use as a warning, so
 * a reviewer sees it in each build log and in the pull request; see docs/editor-guide.md.
 */
export const QUOTE_MARKER = '（原文如此）';
