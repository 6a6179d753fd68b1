/**
 * What Word (Windows, Microsoft 365) puts on the clipboard when an editor copies part of a
 * notice: the HTML (mso styles, 黑体 heading, a table, a picture that exists only as a local
 * file:/// path) and the plain text beside it. Used by the CMS paste test and the guide's
 * screenshots. Written after the shape of Word's clipboard HTML; the wording is invented.
 */
import type { Page } from '@playwright/test';

export const WORD_CLIPBOARD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"><style>p.MsoNormal{mso-style-parent:"";font-size:10.5pt;font-family:等线}</style></head><body lang=ZH-CN style='tab-interval:21.0pt'><!--StartFragment-->
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>为做好今年的推选工作，现将有关事项通知如下。<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-size:16.0pt;font-family:黑体'>一、活动时间</span></b><span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>2024年5月</span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>
<tr><td width=200 style='border:solid windowtext 1.0pt'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>街镇</span></p></td><td width=200 style='border:solid windowtext 1.0pt'><p class=MsoNormal><span>名额</span></p></td></tr>
<tr><td width=200><p class=MsoNormal><span>月亮岛街道</span></p></td><td width=200><p class=MsoNormal><span lang=EN-US>3</span></p></td></tr>
</table>
<p class=MsoNormal><span lang=EN-US><!--[if gte vml 1]><v:shape id="图片_x0020_1"><v:imagedata src="file:///C:/Users/fulian/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=200 height=100 src="file:///C:/Users/fulian/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" v:shapes="图片_x0020_1"><![endif]></span></p>
<!--EndFragment--></body></html>`;

export const WORD_CLIPBOARD_TEXT =
  '为做好今年的推选工作，现将有关事项通知如下。\n一、活动时间\n2024年5月\n街镇\t名额\n月亮岛街道\t3\n';

/** Picks a .docx through 从 Word 导入, as an editor does: the button opens the file chooser. */
export async function chooseWordFile(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从 Word 导入' }).click();
  await (await chooser).setFiles(file);
}

/**
 * Pastes what Word copied into the focused editor through the real system clipboard and
 * Ctrl+V, as an editor does (the page needs clipboard permissions for its origin).
 */
export async function pasteFromWord(page: Page): Promise<void> {
  await page.evaluate(
    async ({ html, text }) => {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
    },
    { html: WORD_CLIPBOARD_HTML, text: WORD_CLIPBOARD_TEXT },
  );
  await page.keyboard.press('Control+V');
}
