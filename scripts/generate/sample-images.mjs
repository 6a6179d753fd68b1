// Makes the illustrative sample images used by the sample (示例) content: story and news
// covers and the 家风作品 images. They are drawings, not photographs of real people or
// events, and each one carries a visible “示例图片” label. Delete them together with the
// sample entries before the site goes live.
//
// Run from the project root: node scripts/generate/sample-images.mjs
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

const SERIF = 'Noto Serif CJK SC';
const SANS = 'Noto Sans CJK SC';

/** The “示例图片” label, in a dark box in a corner. */
function sampleLabel(w, h, corner = 'br') {
  const bw = 176;
  const bh = 52;
  const m = 20;
  const x = corner.endsWith('l') ? m : w - bw - m;
  const y = corner.startsWith('t') ? m : h - bh - m;
  return `<g>
    <rect x="${x}" y="${y}" width="${bw}" height="${bh}" rx="8" fill="#000" fill-opacity="0.6"/>
    <text x="${x + bw / 2}" y="${y + 36}" font-family="${SANS}" font-size="30" fill="#fff" text-anchor="middle">示例图片</text>
  </g>`;
}

/**
 * A simple flat figure standing with feet at (x, y); s scales it (1 ≈ 300 px tall).
 * hair: 'short' | 'long' | 'bun'; hairColor grey for older people.
 */
function person({
  x,
  y,
  s = 1,
  skin = '#f2c8a0',
  hair = 'short',
  hairColor = '#2d2a28',
  top = '#c0392b',
  bottom = '#34495e',
  skirt = false,
}) {
  const hx = x;
  const hy = y - 262 * s;
  const r = 30 * s;
  let hairSvg = '';
  if (hair === 'long') {
    hairSvg = `<path d="M${hx - r * 1.1},${hy} Q${hx - r * 1.2},${hy + r * 2.4} ${hx - r * 0.2},${hy + r * 2.2} L${hx + r * 0.2},${hy + r * 2.2} Q${hx + r * 1.2},${hy + r * 2.4} ${hx + r * 1.1},${hy} Z" fill="${hairColor}"/>`;
  } else if (hair === 'bun') {
    hairSvg = `<circle cx="${hx}" cy="${hy - r * 1.05}" r="${r * 0.45}" fill="${hairColor}"/>`;
  }
  const cap = `<path d="M${hx - r * 1.02},${hy} A${r * 1.02},${r * 1.02} 0 0 1 ${hx + r * 1.02},${hy} Q${hx},${hy - r * 0.35} ${hx - r * 1.02},${hy} Z" fill="${hairColor}"/>`;
  const bodyTop = y - 228 * s;
  const waist = y - 120 * s;
  const body = `<path d="M${x - 42 * s},${bodyTop + 14 * s} Q${x - 42 * s},${bodyTop} ${x - 26 * s},${bodyTop} L${x + 26 * s},${bodyTop} Q${x + 42 * s},${bodyTop} ${x + 42 * s},${bodyTop + 14 * s} L${x + 38 * s},${waist} L${x - 38 * s},${waist} Z" fill="${top}"/>`;
  const arms = `<path d="M${x - 40 * s},${bodyTop + 10 * s} L${x - 56 * s},${waist + 5 * s}" stroke="${top}" stroke-width="${18 * s}" stroke-linecap="round"/>
    <path d="M${x + 40 * s},${bodyTop + 10 * s} L${x + 56 * s},${waist + 5 * s}" stroke="${top}" stroke-width="${18 * s}" stroke-linecap="round"/>
    <circle cx="${x - 57 * s}" cy="${waist + 10 * s}" r="${9 * s}" fill="${skin}"/>
    <circle cx="${x + 57 * s}" cy="${waist + 10 * s}" r="${9 * s}" fill="${skin}"/>`;
  const legs = skirt
    ? `<path d="M${x - 38 * s},${waist} L${x + 38 * s},${waist} L${x + 50 * s},${y - 45 * s} L${x - 50 * s},${y - 45 * s} Z" fill="${bottom}"/>
       <rect x="${x - 22 * s}" y="${y - 45 * s}" width="${12 * s}" height="${45 * s}" fill="${skin}"/>
       <rect x="${x + 10 * s}" y="${y - 45 * s}" width="${12 * s}" height="${45 * s}" fill="${skin}"/>`
    : `<rect x="${x - 34 * s}" y="${waist}" width="${30 * s}" height="${120 * s}" fill="${bottom}"/>
       <rect x="${x + 4 * s}" y="${waist}" width="${30 * s}" height="${120 * s}" fill="${bottom}"/>`;
  const feet = `<ellipse cx="${x - 18 * s}" cy="${y}" rx="${20 * s}" ry="${7 * s}" fill="#3b2f2a"/>
    <ellipse cx="${x + 18 * s}" cy="${y}" rx="${20 * s}" ry="${7 * s}" fill="#3b2f2a"/>`;
  const neck = `<rect x="${x - 9 * s}" y="${hy + r * 0.8}" width="${18 * s}" height="${bodyTop - hy - r * 0.6}" fill="${skin}"/>`;
  return `<g>${hairSvg}${legs}${feet}${neck}${body}${arms}<circle cx="${hx}" cy="${hy}" r="${r}" fill="${skin}"/>${cap}</g>`;
}

/** Text set vertically, one character per line, centred on x. */
function vertical(text, x, y, size, attrs) {
  return [...text]
    .map(
      (ch, i) =>
        `<text x="${x}" y="${y + i * size * 1.12}" font-size="${size}" text-anchor="middle" ${attrs}>${ch}</text>`,
    )
    .join('');
}

/** 巾帼新农人：农家庭院、菜地和大棚，一位戴草帽的妇女提着一篮蔬菜。 */
function xinnongren() {
  const w = 1200;
  const h = 800;
  const beds = [0, 1, 2, 3]
    .map((row) => {
      const y = 600 + row * 45;
      const plants = Array.from(
        { length: 9 },
        (_, i) =>
          `<ellipse cx="${90 + i * 58 + (row % 2) * 20}" cy="${y}" rx="22" ry="14" fill="${row % 2 ? '#3f8f3a' : '#56a845'}"/>`,
      ).join('');
      return `<rect x="60" y="${y - 6}" width="560" height="22" rx="10" fill="#8a5a36"/>${plants}`;
    })
    .join('');
  return {
    w,
    h,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#bfe3f5"/><stop offset="1" stop-color="#eef8fb"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#sky)"/>
    <circle cx="1040" cy="120" r="60" fill="#ffe08a"/>
    <path d="M0,430 Q200,300 420,400 Q640,280 880,390 Q1040,320 1200,380 L1200,560 L0,560 Z" fill="#9cc98a"/>
    <path d="M0,480 Q300,420 600,470 Q900,420 1200,470 L1200,800 L0,800 Z" fill="#b9d98e"/>
    <rect x="120" y="330" width="380" height="200" fill="#f7f4ec"/>
    <path d="M95,340 L310,250 L525,340 Z" fill="#3d3d44"/>
    <rect x="270" y="420" width="70" height="110" fill="#8b4a2b"/>
    <rect x="160" y="380" width="70" height="60" fill="#7fb3d5" stroke="#5a4636" stroke-width="6"/>
    <rect x="390" y="380" width="70" height="60" fill="#7fb3d5" stroke="#5a4636" stroke-width="6"/>
    <path d="M700,560 L700,430 A170,130 0 0 1 1040,430 L1040,560 Z" fill="#e8f4f0" fill-opacity="0.85" stroke="#9fb8b0" stroke-width="6"/>
    <path d="M785,560 L785,330 M870,560 L870,300 M955,560 L955,330" stroke="#9fb8b0" stroke-width="5"/>
    <g fill="#e9584a"><circle cx="760" cy="520" r="12"/><circle cx="830" cy="500" r="12"/><circle cx="910" cy="520" r="12"/><circle cx="990" cy="505" r="12"/></g>
    ${Array.from({ length: 12 }, (_, i) => `<rect x="${40 + i * 50}" y="540" width="10" height="50" fill="#c89b6d"/>`).join('')}
    <rect x="30" y="552" width="600" height="8" fill="#c89b6d"/>
    ${beds}
    ${person({ x: 820, y: 760, s: 1.25, top: '#e07b39', bottom: '#3c5a78', hair: 'long', hairColor: '#2b2420' })}
    <ellipse cx="820" cy="428" rx="78" ry="16" fill="#e3c27a"/>
    <path d="M775,428 Q820,360 865,428 Z" fill="#e3c27a"/>
    <path d="M870,600 L960,600 L945,665 L885,665 Z" fill="#b07a3c"/>
    <path d="M872,600 Q915,540 958,600" stroke="#b07a3c" stroke-width="7" fill="none"/>
    <circle cx="895" cy="595" r="15" fill="#e9584a"/><circle cx="925" cy="590" r="15" fill="#f0a030"/><ellipse cx="945" cy="596" rx="14" ry="10" fill="#56a845"/>
    ${sampleLabel(w, h)}
  </svg>`,
  };
}

/** 最美家庭：祖孙三代五口人站在挂着红灯笼、贴着春联的家门前。 */
function zuimeiJiating() {
  const w = 1200;
  const h = 800;
  return {
    w,
    h,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="${w}" height="${h}" fill="#fbeedd"/>
    <rect x="150" y="120" width="900" height="520" fill="#f6f1e7"/>
    <path d="M110,135 L600,30 L1090,135 Z" fill="#4a4a52"/>
    <rect x="500" y="300" width="200" height="340" fill="#a8322c"/>
    <circle cx="585" cy="480" r="8" fill="#f2c14e"/><circle cx="615" cy="480" r="8" fill="#f2c14e"/>
    <rect x="455" y="300" width="36" height="300" fill="#d6312b"/>
    <rect x="709" y="300" width="36" height="300" fill="#d6312b"/>
    <rect x="480" y="230" width="240" height="54" fill="#d6312b"/>
    <text x="600" y="270" font-family="${SERIF}" font-weight="bold" font-size="38" fill="#f7d774" text-anchor="middle">家和万事兴</text>
    <g><line x1="330" y1="140" x2="330" y2="175" stroke="#6b4b2a" stroke-width="4"/><ellipse cx="330" cy="215" rx="40" ry="44" fill="#e0302a"/><rect x="315" y="255" width="30" height="14" fill="#f2c14e"/></g>
    <g><line x1="870" y1="140" x2="870" y2="175" stroke="#6b4b2a" stroke-width="4"/><ellipse cx="870" cy="215" rx="40" ry="44" fill="#e0302a"/><rect x="855" y="255" width="30" height="14" fill="#f2c14e"/></g>
    <rect x="0" y="640" width="${w}" height="160" fill="#d9c7a6"/>
    ${person({ x: 260, y: 740, s: 1.05, hairColor: '#bdbdbd', top: '#5b6f8a', bottom: '#3a3f4a' })}
    ${person({ x: 410, y: 740, s: 1.0, hair: 'bun', hairColor: '#c9c9c9', top: '#9c4a6a', bottom: '#3a3f4a' })}
    ${person({ x: 760, y: 740, s: 1.15, top: '#2f6f9f', bottom: '#2c3440' })}
    ${person({ x: 920, y: 740, s: 1.08, hair: 'long', top: '#e0703a', bottom: '#6a4a7a', skirt: true })}
    ${person({ x: 600, y: 740, s: 0.62, top: '#f2c14e', bottom: '#3f7fbf' })}
    ${sampleLabel(w, h)}
  </svg>`,
  };
}

/** 爱心妈妈：一位志愿者妈妈和一个孩子站在树下的长椅前，一起捧着一本打开的书，天空中有一颗红心。 */
function aixinMama() {
  const w = 1200;
  const h = 800;
  return {
    w,
    h,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffe3e0"/><stop offset="1" stop-color="#fff6ee"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#bg)"/>
    <path d="M0,620 Q600,560 1200,620 L1200,800 L0,800 Z" fill="#a9d18e"/>
    <rect x="190" y="300" width="50" height="340" fill="#8b5e3c"/>
    <circle cx="215" cy="260" r="150" fill="#6fae5a"/><circle cx="120" cy="320" r="90" fill="#7cbb63"/><circle cx="320" cy="320" r="100" fill="#7cbb63"/>
    <path d="M900,170 C900,120 980,110 990,170 C1000,110 1080,120 1080,170 C1080,230 990,270 990,300 C990,270 900,230 900,170 Z" fill="#e8505b"/>
    <rect x="420" y="560" width="480" height="24" rx="8" fill="#a0673d"/>
    <rect x="440" y="584" width="16" height="70" fill="#7a4d2c"/><rect x="864" y="584" width="16" height="70" fill="#7a4d2c"/>
    <rect x="420" y="470" width="480" height="18" rx="8" fill="#a0673d"/>
    ${person({ x: 580, y: 700, s: 1.1, hair: 'long', top: '#d94f70', bottom: '#4a5a7a', skirt: true })}
    ${person({ x: 740, y: 700, s: 0.7, top: '#3f9fd6', bottom: '#2f4f6f' })}
    <path d="M640,565 L690,552 L690,602 L640,615 Z" fill="#ffffff" stroke="#7a7a7a" stroke-width="3"/>
    <path d="M690,552 L740,565 L740,615 L690,602 Z" fill="#fdfdf5" stroke="#7a7a7a" stroke-width="3"/>
    ${sampleLabel(w, h)}
  </svg>`,
  };
}

/** 书法：竖幅，“清白传家 勤俭立身”，落款“甲辰春录家训”，朱文印“家风”。 */
function shufa() {
  const w = 900;
  const h = 1200;
  const ink = `font-family="${SERIF}" font-weight="bold" fill="#1c1a17"`;
  return {
    w,
    h,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="${w}" height="${h}" fill="#cdbb98"/>
    <rect x="60" y="60" width="780" height="1080" fill="#e6dcc4"/>
    <rect x="110" y="110" width="680" height="980" fill="#f6eedb"/>
    ${vertical('清白传家', 590, 300, 170, ink)}
    ${vertical('勤俭立身', 380, 300, 170, ink)}
    ${vertical('甲辰春录家训', 205, 330, 44, `font-family="${SERIF}" fill="#2a2622"`)}
    <rect x="170" y="640" width="72" height="130" fill="#c0282b" rx="4"/>
    ${vertical('家风', 206, 695, 46, `font-family="${SERIF}" font-weight="bold" fill="#f6eedb"`)}
    ${sampleLabel(w, h, 'br')}
  </svg>`,
  };
}

/** 绘画：儿童蜡笔画风格的美丽庭院——太阳、白墙黑瓦的房子、花草、菜地、小路和一家人。 */
function huihua() {
  const w = 1200;
  const h = 800;
  const stroke = 'stroke-linecap="round" stroke-linejoin="round"';
  const flowers = [120, 200, 280, 900, 980, 1060]
    .map((x, i) => {
      const c = ['#e84a5f', '#ff9f1c', '#c77dff'][i % 3];
      return `<line x1="${x}" y1="640" x2="${x}" y2="560" stroke="#3a9d3a" stroke-width="8" ${stroke}/>
        <circle cx="${x - 16}" cy="550" r="16" fill="${c}"/><circle cx="${x + 16}" cy="550" r="16" fill="${c}"/>
        <circle cx="${x}" cy="534" r="16" fill="${c}"/><circle cx="${x}" cy="566" r="16" fill="${c}"/><circle cx="${x}" cy="550" r="11" fill="#ffd23f"/>`;
    })
    .join('');
  return {
    w,
    h,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="${w}" height="${h}" fill="#fffdf6"/>
    <rect x="24" y="24" width="${w - 48}" height="${h - 48}" fill="none" stroke="#e3d9c6" stroke-width="6"/>
    <circle cx="140" cy="140" r="60" fill="#ffd23f"/>
    ${Array.from({ length: 10 }, (_, i) => {
      const a = (i * Math.PI) / 5;
      return `<line x1="${140 + Math.cos(a) * 78}" y1="${140 + Math.sin(a) * 78}" x2="${140 + Math.cos(a) * 112}" y2="${140 + Math.sin(a) * 112}" stroke="#ffb703" stroke-width="10" ${stroke}/>`;
    }).join('')}
    <path d="M700,130 q30,-40 60,0 q30,-40 60,0" stroke="#7aa6c2" stroke-width="6" fill="none" ${stroke}/>
    <path d="M0,520 Q600,470 1200,520 L1200,776 L24,776 Z" fill="#bfe3a0"/>
    <rect x="420" y="300" width="360" height="240" fill="#ffffff" stroke="#444" stroke-width="8" ${stroke}/>
    <path d="M390,310 L600,190 L810,310 Z" fill="#333a45" stroke="#333a45" stroke-width="8" ${stroke}/>
    <rect x="565" y="420" width="70" height="120" fill="#c8553d" stroke="#444" stroke-width="6"/>
    <rect x="455" y="360" width="70" height="60" fill="#8ecae6" stroke="#444" stroke-width="6"/>
    <rect x="675" y="360" width="70" height="60" fill="#8ecae6" stroke="#444" stroke-width="6"/>
    <path d="M600,540 Q560,640 470,776 L730,776 Q640,640 600,540 Z" fill="#e9d8a6"/>
    ${flowers}
    <g>${[0, 1, 2].map((r) => `<path d="M${820 + r * 10},${640 + r * 40} l260,0" stroke="#7a5230" stroke-width="14" ${stroke}/>${Array.from({ length: 6 }, (_, i) => `<circle cx="${840 + i * 44 + r * 10}" cy="${630 + r * 40}" r="12" fill="#2f9e44"/>`).join('')}`).join('')}</g>
    <g stroke="#444" stroke-width="6" ${stroke} fill="none">
      <circle cx="300" cy="600" r="22" fill="#ffd6a5"/><line x1="300" y1="622" x2="300" y2="690"/><line x1="300" y1="645" x2="270" y2="670"/><line x1="300" y1="645" x2="330" y2="670"/><line x1="300" y1="690" x2="280" y2="730"/><line x1="300" y1="690" x2="320" y2="730"/>
      <circle cx="370" cy="620" r="16" fill="#ffd6a5"/><line x1="370" y1="636" x2="370" y2="690"/><line x1="370" y1="655" x2="345" y2="672"/><line x1="370" y1="655" x2="395" y2="672"/><line x1="370" y1="690" x2="355" y2="725"/><line x1="370" y1="690" x2="385" y2="725"/>
    </g>
    ${sampleLabel(w, h)}
  </svg>`,
  };
}

/** 摄影风格插图：傍晚的湘江边，奶奶、孩子和妈妈并肩站在江堤上的剪影，远处是山和夕阳。 */
function sheying() {
  const w = 1200;
  const h = 800;
  const sil = '#2a1d2e';
  return {
    w,
    h,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5b4b8a"/><stop offset="0.45" stop-color="#e9806e"/><stop offset="0.7" stop-color="#f9c46b"/></linearGradient>
      <linearGradient id="water" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f2a65e"/><stop offset="1" stop-color="#6b4d7a"/></linearGradient>
    </defs>
    <rect width="${w}" height="${h}" fill="url(#sky)"/>
    <circle cx="760" cy="430" r="70" fill="#fff0b3"/>
    <path d="M0,440 L120,400 L260,425 L420,380 L560,420 L700,400 L860,430 L1000,390 L1200,420 L1200,470 L0,470 Z" fill="#6d4f6e"/>
    <rect y="465" width="${w}" height="150" fill="url(#water)"/>
    ${Array.from({ length: 9 }, (_, i) => `<rect x="${700 - i * 6}" y="${480 + i * 14}" width="${120 + i * 12}" height="4" fill="#fff0b3" fill-opacity="${0.7 - i * 0.06}"/>`).join('')}
    <path d="M0,610 L1200,590 L1200,800 L0,800 Z" fill="${sil}"/>
    ${person({ x: 430, y: 600, s: 0.95, hair: 'bun', hairColor: sil, skin: sil, top: sil, bottom: sil })}
    ${person({ x: 560, y: 600, s: 0.6, hairColor: sil, skin: sil, top: sil, bottom: sil })}
    ${person({ x: 690, y: 600, s: 1.0, hair: 'long', hairColor: sil, skin: sil, top: sil, bottom: sil, skirt: true })}
    <path d="M487,490 L505,495 M615,495 L633,490" stroke="${sil}" stroke-width="10" stroke-linecap="round"/>
    ${sampleLabel(w, h)}
  </svg>`,
  };
}

/** 剪纸：红色圆形团花窗花，中间镂空出“家和”二字，两侧各一朵小团花。 */
function jianzhi() {
  const w = 1200;
  const h = 800;
  const red = '#c8102e';
  const petals = (cx, cy, R, n) =>
    Array.from({ length: n }, (_, i) => {
      const a = (360 / n) * i;
      return `<ellipse cx="${cx}" cy="${cy - R}" rx="${R * 0.22}" ry="${R * 0.42}" fill="${red}" transform="rotate(${a} ${cx} ${cy})"/>`;
    }).join('');
  const holes = (cx, cy, R, n, r) =>
    Array.from({ length: n }, (_, i) => {
      const a = ((Math.PI * 2) / n) * i;
      return `<circle cx="${cx + Math.cos(a) * R}" cy="${cy + Math.sin(a) * R}" r="${r}" fill="#fbf6ea"/>`;
    }).join('');
  const small = (cx, cy) =>
    `${petals(cx, cy, 70, 8)}<circle cx="${cx}" cy="${cy}" r="70" fill="${red}"/>${holes(cx, cy, 45, 8, 9)}<circle cx="${cx}" cy="${cy}" r="20" fill="#fbf6ea"/>`;
  return {
    w,
    h,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="${w}" height="${h}" fill="#8a5a3b"/>
    <rect x="60" y="50" width="${w - 120}" height="${h - 100}" fill="#fbf6ea"/>
    ${petals(600, 400, 260, 16)}
    <circle cx="600" cy="400" r="270" fill="${red}"/>
    ${holes(600, 400, 235, 24, 14)}
    <circle cx="600" cy="400" r="190" fill="#fbf6ea"/>
    <circle cx="600" cy="400" r="175" fill="${red}"/>
    ${holes(600, 400, 150, 16, 8)}
    <text x="600" y="470" font-family="${SERIF}" font-weight="bold" font-size="170" fill="#fbf6ea" text-anchor="middle">家和</text>
    ${small(200, 220)}${small(1000, 220)}${small(200, 600)}${small(1000, 600)}
    ${sampleLabel(w, h)}
  </svg>`,
  };
}

/** 招聘会：大厅里挂着“2024年春风行动·女性专场招聘会”横幅，几排招聘展位前有求职的女性。 */
function zhaopinhui() {
  const w = 1200;
  const h = 800;
  const booth = (
    x,
    color,
  ) => `<rect x="${x}" y="330" width="230" height="200" fill="#ffffff" stroke="#c9d3de" stroke-width="4"/>
    <rect x="${x}" y="300" width="230" height="50" fill="${color}"/>
    <text x="${x + 115}" y="336" font-family="${SANS}" font-size="28" fill="#fff" text-anchor="middle">招聘展位</text>
    <rect x="${x + 20}" y="440" width="190" height="90" fill="#e9eef3"/>`;
  return {
    w,
    h,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="${w}" height="${h}" fill="#eef2f6"/>
    <rect y="560" width="${w}" height="240" fill="#d5dbe2"/>
    <rect x="90" y="60" width="1020" height="110" rx="6" fill="#c62828"/>
    <text x="600" y="135" font-family="${SANS}" font-weight="bold" font-size="52" fill="#fff3c4" text-anchor="middle">2024年春风行动·女性专场招聘会</text>
    ${booth(60, '#1f6fb2')}${booth(340, '#2e8b57')}${booth(620, '#1f6fb2')}${booth(900, '#2e8b57')}
    ${person({ x: 170, y: 700, s: 0.8, hair: 'long', top: '#e57373', bottom: '#37474f' })}
    ${person({ x: 455, y: 700, s: 0.82, top: '#5c6bc0', bottom: '#263238', hair: 'bun' })}
    ${person({ x: 560, y: 720, s: 0.86, hair: 'long', top: '#ffb74d', bottom: '#455a64', skirt: true })}
    ${person({ x: 735, y: 700, s: 0.8, hair: 'long', top: '#4db6ac', bottom: '#37474f' })}
    ${person({ x: 1010, y: 710, s: 0.84, top: '#ba68c8', bottom: '#37474f', hair: 'long', skirt: true })}
    ${sampleLabel(w, h)}
  </svg>`,
  };
}

/** 两癌检查进村：村里的义诊帐篷挂着“关爱她健康 守护幸福家”横幅和粉红丝带标志，桌旁有穿白衣的医务人员和排队的妇女。 */
function liangai() {
  const w = 1200;
  const h = 800;
  return {
    w,
    h,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="${w}" height="${h}" fill="#dff0f7"/>
    <path d="M0,420 Q250,300 520,400 Q800,300 1200,400 L1200,560 L0,560 Z" fill="#8fc47f"/>
    <rect y="540" width="${w}" height="260" fill="#cfe3b0"/>
    <rect x="820" y="300" width="300" height="240" fill="#f5f1e8"/>
    <path d="M800,310 L970,230 L1140,310 Z" fill="#44464f"/>
    <rect x="940" y="420" width="60" height="120" fill="#8b4a2b"/>
    <path d="M90,200 L690,200 L740,260 L40,260 Z" fill="#f8f8f8" stroke="#c7ced6" stroke-width="4"/>
    <rect x="70" y="260" width="640" height="64" fill="#e7548a"/>
    <text x="390" y="306" font-family="${SANS}" font-weight="bold" font-size="38" fill="#fff" text-anchor="middle">关爱她健康 守护幸福家</text>
    <rect x="60" y="260" width="12" height="360" fill="#9aa5b1"/><rect x="708" y="260" width="12" height="360" fill="#9aa5b1"/>
    <path d="M390,70 C350,70 350,130 390,150 L365,190 M390,70 C430,70 430,130 390,150 L415,190" stroke="#e7548a" stroke-width="16" fill="none" stroke-linecap="round"/>
    <rect x="160" y="520" width="320" height="20" fill="#8d6e63"/><rect x="175" y="540" width="14" height="80" fill="#6d4c41"/><rect x="450" y="540" width="14" height="80" fill="#6d4c41"/>
    ${person({ x: 250, y: 620, s: 0.85, hair: 'long', top: '#ffffff', bottom: '#546e7a' })}
    ${person({ x: 420, y: 640, s: 0.88, hair: 'bun', top: '#f06292', bottom: '#455a64' })}
    ${person({ x: 560, y: 650, s: 0.88, hair: 'long', top: '#7986cb', bottom: '#37474f', skirt: true })}
    ${person({ x: 680, y: 660, s: 0.9, hair: 'bun', hairColor: '#9e9e9e', top: '#81c784', bottom: '#37474f' })}
    ${sampleLabel(w, h)}
  </svg>`,
  };
}

const images = [
  ['content/stories/images/xinnongren-tingyuan.jpg', xinnongren],
  ['content/stories/images/zuimei-jiating.jpg', zuimeiJiating],
  ['content/stories/images/aixin-mama.jpg', aixinMama],
  ['content/jiafeng/images/shufa-qingbai-chuanjia.jpg', shufa],
  ['content/jiafeng/images/huihua-meili-tingyuan.jpg', huihua],
  ['content/jiafeng/images/sheying-xiangjiang-bian.jpg', sheying],
  ['content/jiafeng/images/jianzhi-jiahe.jpg', jianzhi],
  ['content/news/images/chunfeng-zhaopinhui.jpg', zhaopinhui],
  ['content/news/images/liangai-jiancha.jpg', liangai],
];

for (const [file, make] of images) {
  const { svg } = make();
  await mkdir(path.dirname(file), { recursive: true });
  const info = await sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toFile(file);
  console.log(`${file}  ${info.width}×${info.height}  ${(info.size / 1024).toFixed(1)} KB`);
}
