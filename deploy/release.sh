#!/bin/sh
# 网站发布目录的管理脚本：原子发布、回滚、紧急下线。只用 POSIX sh 和 GNU coreutils
# （sha256sum、mv -T），服务器上不需要 Node。说明见 docs/deploy.md 第十节。
#
# Release folders on the web server, switched with one symlink swap (docs/deploy.md):
#
#   $DEPLOY_PATH/
#     current -> releases/<id>          the live release; nginx root is current/site
#     releases/<id>/site/               a complete build (dist/)
#     releases/<id>/MANIFEST            sha256sum lines of the build's own files
#     releases/<id>/RELEASE             commit and build time
#     releases/<id>/CARRIED             hashed files carried forward from earlier releases
#     history                           ids in the order they went live (rollback pops it)
#     taken-down.txt                    paths removed by `takedown`; never served again
#
# Usage: release.sh [-d DEPLOY_PATH] COMMAND
#   activate ID               check releases/ID.part (uploaded), carry forward, swap it live
#   rollback [--dry-run] [ID] put the previous release back (never a page taken down since)
#   takedown PATH...          remove a page or file (e.g. /notices/x/) from every kept release
#   list                      the kept releases, the live one marked
# Environment: KEEP (releases kept, default 5), CARRY (releases whose hashed files are carried
# forward, default 3).
set -eu

DIR=${DEPLOY_PATH:-}
if [ "${1:-}" = "-d" ]; then
  DIR=$2
  shift 2
fi
KEEP=${KEEP:-5}
CARRY=${CARRY:-3}

die() {
  printf '错误：%s\n' "$1" >&2
  exit "${2:-1}"
}
say() { printf '%s\n' "$1"; }

[ -n "$DIR" ] || die '没有指定网站目录：设置 DEPLOY_PATH 或使用 -d 目录。'
[ -d "$DIR" ] || die "网站目录 $DIR 不存在。"
DIR=$(cd "$DIR" && pwd -P)
REL="$DIR/releases"
HISTORY="$DIR/history"
TAKEN="$DIR/taken-down.txt"
mkdir -p "$REL"
touch "$HISTORY"
# One command at a time (two pipelines finishing together, or a rollback during a deploy).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$DIR/.lock"
  flock -w 600 9 || die '另一个发布或回滚正在进行，等待 10 分钟后仍未结束。'
fi

# The live release's id, or nothing before the first deploy.
current_id() {
  if [ -L "$DIR/current" ]; then
    basename "$(readlink "$DIR/current")"
  fi
}

valid_id() {
  case "$1" in
    '' | *[!A-Za-z0-9._-]* | .*) die "发布编号 $1 无效（只能含字母、数字、点、横线和下划线）。" ;;
  esac
}

# Points `current` at releases/$1 in one step: a new symlink renamed over the old one
# (rename(2) is atomic; `ln -sfn` alone removes and recreates, leaving a moment with none).
swap_to() {
  ln -s "releases/$1" "$DIR/.current.new"
  mv -T "$DIR/.current.new" "$DIR/current"
}

# Files a hashed name makes safe to keep serving: pages of an earlier release still ask for them.
is_hashed() {
  case "$1" in
    _astro/* | pagefind/fragment/* | pagefind/index/* | pagefind/filter/* | pagefind/*.pf_meta) return 0 ;;
  esac
  return 1
}

# The public files of a release a reader could reach, one relative path a line, sorted:
# pages, uploads, feeds; not the hashed assets, the search index or the admin.
public_files() {
  (cd "$REL/$1/site" && find . -type f ! -path './_astro/*' ! -path './pagefind/*' ! -path './admin/*' | sed 's|^\./||' | LC_ALL=C sort)
}

# Removes one path (a page folder or a file, relative to site/) from a site folder.
remove_path() {
  site=$1
  p=$2
  if [ -e "$site/$p" ]; then
    rm -rf "${site:?}/$p"
    return 0
  fi
  return 1
}

# Decodes %XX escapes (an address copied from a browser: /uploads/%E9%80%9A%E7%9F%A5.pdf).
percent_decode() {
  LC_ALL=C awk '
    function hexval(h,  n, i) { n = 0; h = toupper(h); for (i = 1; i <= 2; i++) n = n * 16 + index("0123456789ABCDEF", substr(h, i, 1)) - 1; return n }
    { out = ""; while (match($0, /%[0-9A-Fa-f][0-9A-Fa-f]/)) { out = out substr($0, 1, RSTART - 1) sprintf("%c", hexval(substr($0, RSTART + 1, 2))); $0 = substr($0, RSTART + 3) } printf "%s%s", out, $0 }'
}

# Normalises https://host/notices/x/, /notices/x/ or notices/x/index.html to notices/x.
normalise() {
  p=$(printf '%s' "$1" | sed -e 's|^[A-Za-z][A-Za-z0-9+.-]*://[^/]*||' -e 's|[?#].*$||' | percent_decode |
    sed -e 's|^/*||' -e 's|/index\.html$||' -e 's|/*$||')
  case "/$p/" in
    *'/../'* | *'/./'* | '//') die "路径 $1 无效：请写网页地址中的路径，例如 /notices/文件名/。" ;;
  esac
  printf '%s' "$p"
}

# Hard-links the hashed files of release $1 that folder $2 lacks into $2/site (listed in
# $2/CARRIED): a page of release $1 still open in a browser keeps getting its assets.
carry_from() {
  [ -f "$REL/$1/MANIFEST" ] || return 0
  while IFS= read -r line; do
    f=${line#*  }
    is_hashed "$f" || continue
    [ -e "$2/site/$f" ] && continue
    [ -f "$REL/$1/site/$f" ] || continue
    mkdir -p "$(dirname "$2/site/$f")"
    ln "$REL/$1/site/$f" "$2/site/$f" 2>/dev/null || cp -p "$REL/$1/site/$f" "$2/site/$f"
    printf '%s\n' "$f" >>"$2/CARRIED"
  done <"$REL/$1/MANIFEST"
}

# Keeps the releases that went live most recently (KEEP of them, by the history) and the live one.
prune() {
  live=$(current_id)
  keep=$(awk -v k="$KEEP" '{ line[NR] = $0 } END { for (i = NR; i > 0 && n < k; i--) if (!seen[line[i]]++) { print line[i]; n++ } }' "$HISTORY")
  # Unfinished uploads older than a day.
  find "$REL" -maxdepth 1 -name '*.part' -mmin +1440 -exec rm -rf {} + 2>/dev/null || true
  ls -1 "$REL" | grep -v '\.part$' | while IFS= read -r old; do
    if [ "$old" = "$live" ] || printf '%s\n' "$keep" | grep -qxF "$old"; then continue; fi
    rm -rf "${REL:?}/$old"
    say "删除旧版本 $old（保留最近上线的 $KEEP 个）"
  done
}

cmd_activate() {
  id=${1:-}
  valid_id "$id"
  new="$REL/$id.part"
  [ -d "$new/site" ] || die "没有找到上传的版本 $new/site。"
  [ -e "$REL/$id" ] && die "版本 $id 已经存在。"
  [ -f "$new/MANIFEST" ] || die "版本 $id 缺少 MANIFEST（文件清单），不能确认上传完整。"
  for required in index.html 404.html pagefind/pagefind-entry.json; do
    [ -f "$new/site/$required" ] || die "版本 $id 不完整：缺少 $required。网站保持原样。"
  done
  if ! (cd "$new/site" && sha256sum -c --quiet --strict ../MANIFEST >/dev/null 2>&1); then
    (cd "$new/site" && sha256sum -c --quiet ../MANIFEST 2>&1 | head -n 20) >&2 || true
    die "版本 $id 与清单不符（上传不完整或文件损坏）。网站保持原样。"
  fi

  # Pages taken down in an emergency stay down, even if this build still has them.
  if [ -s "$TAKEN" ]; then
    while IFS= read -r line; do
      p=${line%%	*}
      [ -n "$p" ] || continue
      if remove_path "$new/site" "$p"; then
        say "警告：这次构建仍包含已紧急下线的 /$p/，已从新版本中删除。请在后台把它设为草稿或删除，或在 taken-down.txt 中删去这一行以重新发布。" >&2
      fi
    done <"$TAKEN"
  fi

  # Carry forward the hashed files of the last CARRY releases that went live, so a page
  # loaded just before the swap still gets its own scripts, styles and search chunks.
  : >"$new/CARRIED"
  for prev in $(tail -n "$CARRY" "$HISTORY" | LC_ALL=C sort -u); do
    carry_from "$prev" "$new"
  done
  carried=$(wc -l <"$new/CARRIED" | tr -d ' ')

  mv "$new" "$REL/$id"
  swap_to "$id"
  printf '%s\n' "$id" >>"$HISTORY"
  say "已上线版本 $id（沿用旧版本的带哈希文件 $carried 个）"
  prune
}

cmd_rollback() {
  dry=0
  target=''
  for arg in "$@"; do
    case "$arg" in
      --dry-run) dry=1 ;;
      -*) die "不认识的选项 $arg" ;;
      *) target=$arg ;;
    esac
  done
  live=$(current_id)
  [ -n "$live" ] || die '还没有上线的版本，无法回滚。'
  if [ -z "$target" ]; then
    # The release that went live before the current one (the history is a stack).
    target=$(grep -vxF "$live" "$HISTORY" | while IFS= read -r id; do [ -d "$REL/$id/site" ] && printf '%s\n' "$id"; done | tail -n 1)
    [ -n "$target" ] || die '没有更早的版本可以回滚。'
  fi
  valid_id "$target"
  [ -d "$REL/$target/site" ] || die "没有版本 $target（已保留的版本见 release.sh list）。"
  [ "$target" = "$live" ] && die "版本 $target 已经在线上。"

  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  public_files "$live" >"$tmp/live"
  public_files "$target" >"$tmp/target"
  # Entries removed since: in the old release, not in the live one (taken down, deleted,
  # or unpublished). Rolling back would publish them again.
  LC_ALL=C comm -23 "$tmp/target" "$tmp/live" >"$tmp/removed"
  if [ -s "$TAKEN" ]; then
    cut -f1 "$TAKEN" | while IFS= read -r p; do
      if [ -n "$p" ] && [ -e "$REL/$target/site/$p" ]; then printf '%s\n' "$p"; fi
    done >>"$tmp/removed"
  fi
  LC_ALL=C comm -13 "$tmp/target" "$tmp/live" >"$tmp/gone"
  LC_ALL=C comm -12 "$tmp/target" "$tmp/live" | while IFS= read -r f; do
    cmp -s "$REL/$target/site/$f" "$REL/$live/site/$f" || printf '%s\n' "$f"
  done >"$tmp/changed"

  say "回滚计划：从 $live 回到 $target"
  [ -f "$REL/$target/RELEASE" ] && sed 's/^/  /' "$REL/$target/RELEASE"
  say "  内容会变回旧版本的文件：$(wc -l <"$tmp/changed" | tr -d ' ') 个"
  sed -n -e 's|index\.html$||' -e '1,30s|^|    /|p' "$tmp/changed"
  say "  现在有、旧版本没有（回滚后会消失）的文件：$(wc -l <"$tmp/gone" | tr -d ' ') 个"
  sed -n -e 's|index\.html$||' -e '1,30s|^|    /|p' "$tmp/gone"
  if [ -s "$tmp/removed" ]; then
    say "拒绝回滚：旧版本 $target 含有之后已下线或删除的内容，回滚会把它们重新公开：" >&2
    sed 's|index\.html$||' "$tmp/removed" | LC_ALL=C sort -u | sed 's|^|    /|' >&2
    say "请改为修复后重新发布（例如在 git 中撤销出问题的提交），或用 takedown 先把这些内容从所有版本中删除。" >&2
    exit 3
  fi
  if [ "$dry" = 1 ]; then
    say '（只是预览，没有改动线上网站）'
    return 0
  fi
  # Pages of the release being left, still open in browsers, keep their assets.
  carry_from "$live" "$REL/$target"
  swap_to "$target"
  # Pop the history down to the restored release, so a second rollback goes further back.
  if grep -qxF "$target" "$HISTORY"; then
    awk -v t="$target" '{ line[NR] = $0; if ($0 == t) last = NR } END { for (i = 1; i <= last; i++) print line[i] }' "$HISTORY" >"$tmp/history"
    cat "$tmp/history" >"$HISTORY"
  else
    printf '%s\n' "$target" >>"$HISTORY"
  fi
  say "已回滚：线上现在是 $target。版本 $live 仍保留在 releases/ 中。"
}

cmd_takedown() {
  [ $# -gt 0 ] || die '请给出要下线的网页路径，例如 /notices/文件名/。'
  for arg in "$@"; do
    p=$(normalise "$arg")
    found=0
    for d in "$REL"/*; do
      [ -d "$d/site" ] || continue
      if remove_path "$d/site" "$p"; then
        found=$((found + 1))
        say "已从 $(basename "$d") 删除 /$p"
      fi
    done
    if ! cut -f1 "$TAKEN" 2>/dev/null | grep -qxF "$p"; then
      printf '%s\t%s\n' "$p" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$TAKEN"
    fi
    if [ "$found" = 0 ]; then
      say "警告：没有在任何保留的版本中找到 /$p，请检查路径（区分大小写，写网页地址中的路径）。" >&2
    fi
    say "/$p 已从 $found 个保留的版本中删除，并记入 taken-down.txt（以后的发布和回滚都不会再公开它）。"
    say "注意：栏目列表、首页和站内搜索要等下一次构建才会更新；请同时在后台把这篇内容设为草稿或删除。"
  done
}

cmd_list() {
  live=$(current_id)
  ls -1 "$REL" | LC_ALL=C sort | while IFS= read -r id; do
    mark='  '
    [ "$id" = "$live" ] && mark='* '
    info=''
    [ -f "$REL/$id/RELEASE" ] && info=$(tr '\n' ' ' <"$REL/$id/RELEASE")
    printf '%s%s  %s\n' "$mark" "$id" "$info"
  done
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  activate) cmd_activate "$@" ;;
  rollback) cmd_rollback "$@" ;;
  takedown) cmd_takedown "$@" ;;
  list) cmd_list ;;
  *) die '用法：release.sh [-d 网站目录] activate 编号 | rollback [--dry-run] [编号] | takedown 路径... | list' 2 ;;
esac
