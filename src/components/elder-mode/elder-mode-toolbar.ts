/**
 * The one script every public page loads: the 无障碍 · 长者模式 toolbar and the print button.
 * It only enhances. With JavaScript off the toolbar and print button stay hidden (.fl-needs-js)
 * and every page still reads, zooms with the browser and prints from the browser menu.
 *
 * Settings live in localStorage under `fl-a11y` as `{ text, contrast, spacing }` and are shown
 * as `data-fl-*` attributes on <html>, which elder-modes.css turns into token values.
 * `elder-mode-init.ts` applies the saved ones before the first paint; this module changes them.
 */

const STORAGE_KEY = 'fl-a11y';
const SETTINGS = ['text', 'contrast', 'spacing'] as const;
type Setting = (typeof SETTINGS)[number];
type Settings = Partial<Record<Setting, string>>;

const root = document.documentElement;

function load(): Settings {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Settings;
  } catch {
    return {};
  }
}

function save(settings: Settings): void {
  try {
    if (Object.keys(settings).length > 0) localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or storage full: the setting still applies to this page.
  }
}

function apply(settings: Settings): void {
  for (const name of SETTINGS) {
    const value = settings[name];
    if (value) root.setAttribute(`data-fl-${name}`, value);
    else root.removeAttribute(`data-fl-${name}`);
  }
}

/** Sentences, so a long article is read as a queue of short utterances (Chrome cuts long ones off). */
function sentences(text: string): string[] {
  return text.match(/[^。！？!?\n]+[。！？!?]*/g)?.filter((part) => part.trim()) ?? [];
}

class ElderModeToolbar extends HTMLElement {
  connectedCallback(): void {
    // Normally elder-mode-init.ts has done this before the first paint. If a server still sends
    // an older CSP without its hash, that script is blocked: the controls then appear now,
    // later but not lost (and render() below applies the saved settings).
    document.documentElement.classList.add('fl-supported');
    const toggle = this.querySelector<HTMLButtonElement>('[aria-expanded]');
    const panel = this.querySelector<HTMLElement>('[data-fl-panel]');
    if (!toggle || !panel) return;
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('[data-fl-setting]')];
    let settings = load();

    const render = () => {
      apply(settings);
      for (const button of buttons) {
        const name = button.dataset['flSetting'] as Setting;
        // Text size 0 (标准) is the default and is never stored.
        const current = settings[name] ?? (name === 'text' ? '0' : '');
        button.setAttribute('aria-pressed', String(current === button.value));
      }
    };

    const setOpen = (open: boolean) => {
      toggle.setAttribute('aria-expanded', String(open));
      panel.hidden = !open;
    };
    toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.focus();
      }
    });

    for (const button of buttons) {
      button.addEventListener('click', () => {
        const name = button.dataset['flSetting'] as Setting;
        const next = { ...settings };
        // Text size picks one of four; the other settings switch on and off.
        if (name === 'text' ? button.value === '0' : settings[name] === button.value) delete next[name];
        else next[name] = button.value;
        settings = next;
        save(settings);
        render();
      });
    }
    this.querySelector('[data-fl-reset]')?.addEventListener('click', () => {
      settings = {};
      save(settings);
      render();
    });
    // Another tab changed the settings: follow it.
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY || event.key === null) {
        settings = load();
        render();
      }
    });

    this.setUpReading();
    render();
  }

  /** 朗读: the article's title and body through the browser's speech synthesis, in zh-CN. */
  private setUpReading(): void {
    const group = this.querySelector<HTMLElement>('[data-fl-read]');
    const start = this.querySelector<HTMLButtonElement>('[data-fl-read-start]');
    const stop = this.querySelector<HTMLButtonElement>('[data-fl-read-stop]');
    const prose = document.querySelector<HTMLElement>('.fl-prose');
    const speech = window.speechSynthesis as SpeechSynthesis | undefined;
    if (!group || !start || !stop || !prose || !speech || typeof SpeechSynthesisUtterance !== 'function') return;

    const isChinese = (voice: SpeechSynthesisVoice) => /^(zh|cmn)/i.test(voice.lang);
    // Voices load late on some browsers; an empty list means "not known yet", not "none".
    const offer = () => {
      const voices = speech.getVoices();
      group.hidden = voices.length > 0 && !voices.some(isChinese);
    };
    const setSpeaking = (speaking: boolean) => {
      start.disabled = speaking;
      stop.disabled = !speaking;
    };
    const title = prose.closest('article')?.querySelector('h1') ?? document.querySelector('h1');

    start.addEventListener('click', () => {
      speech.cancel();
      const voice = speech.getVoices().find(isChinese);
      const parts = sentences(`${title?.innerText ?? ''}\n${prose.innerText}`);
      parts.forEach((part, index) => {
        const utterance = new SpeechSynthesisUtterance(part);
        utterance.lang = 'zh-CN';
        if (voice) utterance.voice = voice;
        if (index === parts.length - 1) utterance.onend = () => setSpeaking(false);
        speech.speak(utterance);
      });
      setSpeaking(parts.length > 0);
      stop.focus();
    });
    stop.addEventListener('click', () => {
      speech.cancel();
      setSpeaking(false);
      start.focus();
    });
    // Reading must not carry on after the reader leaves the page.
    window.addEventListener('pagehide', () => speech.cancel());
    speech.addEventListener('voiceschanged', offer);
    offer();
  }
}

// The element and class names keep the `fl-a11y` prefix the pages already carry.
customElements.define('fl-a11y-toolbar', ElderModeToolbar);

/** 打印本页 (shown by CSS where this script can run). */
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-fl-print]')) {
  button.addEventListener('click', () => window.print());
}
