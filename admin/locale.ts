/**
 * The admin's Chinese: Decap's own zh_Hans translation, plus the 47 strings it lacks (which
 * would otherwise appear in English) and a few changes so the editorial workflow reads
 * 草稿 → 待审核 → 待发布, the words the federation's staff use.
 * `tests/unit/cms-locale.test.ts` fails if Decap adds a string this file doesn't translate.
 */
// The package's main entry is a UMD bundle that needs `window`; these plain modules don't.
import en from 'decap-cms-locales/dist/esm/en/index.js';
import zh_Hans from 'decap-cms-locales/dist/esm/zh_Hans/index.js';

/** A Decap phrase tree: nested objects of strings. */
export interface Phrases {
  [key: string]: string | Phrases;
}

/** Strings Decap 3.16's zh_Hans lacks, and the workflow wording we prefer. */
export const additions: Phrases = {
  auth: {
    loginWithForgejo: '使用 Forgejo 登录',
  },
  collection: {
    collectionTop: {
      viewAsList: '列表视图',
      viewAsGrid: '网格视图',
    },
    entries: {
      unpublishedHeader: '未发布的内容',
    },
  },
  editor: {
    editorControl: {
      field: {
        // Decap fills in the widget's type (string, fl-date), which means nothing to an editor.
        widgetLabel: '输入项',
      },
    },
    editorControlPane: {
      widget: {
        // Decap's own wording reads “文号”不满足模式…; our pattern messages say what to write.
        regexPattern: '“%{fieldLabel}”格式不对：%{pattern}',
        rangeMin: '%{fieldLabel}至少要有 %{minCount} 项。',
        rangeMax: '%{fieldLabel}最多只能有 %{maxCount} 项。',
      },
    },
    editorInterface: {
      toggleNotes: '显示/隐藏备注',
    },
    editorNotesPane: {
      title: '备注',
      emptyState: '还没有备注。在下面写第一条备注，和审核人沟通。',
      addNote: '添加备注',
      addPlaceholder: '写一条备注……',
      editPlaceholder: '修改备注……',
      save: '保存',
      cancel: '取消',
      edit: '修改',
      delete: '删除',
      resolve: '标记为已解决',
      unresolve: '标记为未解决',
      confirmDelete: '确定要删除这条备注吗？',
      shortcut: '提示：按 Ctrl+Enter 可以快速添加备注',
    },
    editor: {
      onPublishingNotReady: '请先把状态改为“待发布”，再发布',
    },
    editorToolbar: {
      inReview: '待审核',
      ready: '待发布',
      statusInfoTooltipDraft: '这篇内容是草稿。写完后把状态改为“待审核”，交给审核人审核。',
      statusInfoTooltipInReview: '这篇内容正在审核，不需要再做什么；审核期间仍可以继续修改。',
    },
    editorWidgets: {
      markdown: {
        strikethrough: '删除线',
        toggleMode: {
          rich: '切换到富文本模式',
          markdown: '切换到 Markdown 模式',
        },
      },
      image: {
        chooseMultiple: '选择图片',
        addMore: '添加更多图片',
        removeAll: '删除全部图片',
      },
      file: {
        chooseMultiple: '选择文件',
        addMore: '添加更多文件',
        removeAll: '删除全部文件',
      },
      datetime: {
        // Every date widget here is a date without time. Decap fills %{fieldLabel} with the
        // field's key (date), not its label, so it is left out.
        now: '今天',
        setToNow: '设为今天',
      },
      list: {
        addType: '添加%{item}',
      },
      object: {
        expand: '展开',
        collapse: '收起',
      },
    },
  },
  mediaLibrary: {
    mediaLibraryModal: {
      close: '关闭',
    },
  },
  ui: {
    settingsDropdown: {
      account: '账户菜单',
    },
    toast: {
      noteAdded: '已添加备注',
      onFailToAddNote: '添加备注失败：%{details}',
      noteUpdated: '已更新备注',
      onFailToUpdateNote: '更新备注失败：%{details}',
      noteDeleted: '已删除备注',
      onFailToDeleteNote: '删除备注失败：%{details}',
      noteResolved: '备注已标记为解决',
      noteReopened: '备注已重新打开',
      onFailToToggleNote: '更改备注状态失败：%{details}',
    },
  },
  workflow: {
    workflow: {
      newPost: '新建内容',
      // A dayjs format: the cards show 2024年3月8日, not the English month name.
      dateFormat: 'YYYY年M月D日',
      description:
        '%{smart_count} 篇待审核，%{readyCount} 篇待发布 |||| %{smart_count} 篇待审核，%{readyCount} 篇待发布',
    },
    workflowList: {
      onPublishingNotReadyEntry: '只有“待发布”一栏的内容才能发布。请先把卡片拖到“待发布”一栏。',
      inReviewHeader: '待审核',
      readyHeader: '待发布',
    },
  },
};

/** `base` with `extra` laid over it, recursively. */
export function mergePhrases(base: Phrases, extra: Phrases): Phrases {
  const merged: Phrases = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = typeof value === 'object' && typeof current === 'object' ? mergePhrases(current, value) : value;
  }
  return merged;
}

/** The keys of a phrase tree, dotted. */
export function phraseKeys(phrases: Phrases, prefix = ''): string[] {
  return Object.entries(phrases).flatMap(([key, value]) =>
    typeof value === 'object' ? phraseKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** Decap's English strings, to check that every one has a Chinese translation. */
export const english: Phrases = en;

/** The complete Chinese locale the admin registers as `zh_Hans`. */
export const zhHans: Phrases = mergePhrases(zh_Hans, additions);
