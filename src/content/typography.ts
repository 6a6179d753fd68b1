/**
 * The house style (src/lib/typography.ts) with AutoCorrect in Node (autocorrect-node), for
 * `npm run fix:content`, the content check's typography warnings and the benchmark.
 */
import autocorrect from 'autocorrect-node';
import * as houseStyle from '../lib/typography.ts';

export { HOUSE_STYLE, changeExcerpt, type TypographyChange } from '../lib/typography.ts';

let configured = false;

/** AutoCorrect's format, configured to the house style on first use. */
function format(text: string): string {
  if (!configured) {
    autocorrect.loadConfig(JSON.stringify(houseStyle.HOUSE_STYLE));
    configured = true;
  }
  return autocorrect.format(text);
}

/** One line of prose in the house style, protected spans untouched. */
export const fixLine = (line: string): string => houseStyle.fixLine(format, line);

/** The house style over one Markdown/MDX file: its changes and the fixed text. */
export const lintFile = (text: string) => houseStyle.lintFile(format, text);
