//! Text laid out for a terminal: the one line breaker and padding by display width.
//!
//! Every piece of text iamdojo wraps (lesson Markdown, prompts, goal lists, panels, the
//! console, table cells) goes through [`wrap`] or [`wrap_spans`] (preformatted output, such as
//! an AWS CLI table in the console, is [`cut`] by width instead), and every column it lines up
//! is padded with [`pad`] or [`pad_left`], so that Japanese text, whose characters take two
//! cells, wraps and aligns like English.
//!
//! Where a line may break comes from the Unicode line breaking algorithm (UAX #14, through
//! `unicode-linebreak`), narrowed by the rules a Japanese reader expects (禁則処理) and by two
//! of our own:
//! - no line starts with a closing mark, a prolonged sound mark, an iteration mark or a small
//!   kana (`、。」ー々っ…`), and no line ends with an opening bracket (`「（…`);
//! - a number stays with its counter: `2 人`, `45 分` (digits, at most one space, then a wide
//!   character) never break;
//! - a word in Latin letters, a path or an ARN breaks only at spaces (UAX #14 would also break
//!   after `-` and `/`), and only when it is wider than the whole line is it cut, by width.
//!
//! Width is display width (`unicode-width`): a wide character counts two cells.
//!
//! Architecture invariant: a leaf module; it uses nothing of ours.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters no line may start with: closing punctuation and brackets, the prolonged sound
/// mark, iteration marks, the middle dot, small kana and the marks that end a sentence.
pub const NO_START: &str = "、。，．,.：；:;）)」』】〕〉》］]｝}〟’”ー・々ゝゞヽヾ\
    ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ！？!?‼⁇⁈⁉…‥〜～";

/// Characters no line may end with: opening brackets and quotation marks.
pub const NO_END: &str = "（(「『【〔〈《［[｛{〝‘“";

/// Whether `c` may not start a line.
pub fn no_start(c: char) -> bool {
    NO_START.contains(c)
}

/// Whether `c` may not end a line.
pub fn no_end(c: char) -> bool {
    NO_END.contains(c)
}

/// The display width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Whether `c` takes two cells (Japanese, Chinese and Korean characters and full-width forms).
pub fn is_wide(c: char) -> bool {
    c.width() == Some(2)
}

/// Whether two pieces of text meet without a space: a line break inside a Markdown paragraph,
/// or the space beside an emphasis, is nothing between two wide characters (Japanese does not
/// separate words with spaces), after a Japanese closing mark (`。`, `、`, `」`) and before a
/// Japanese opening bracket, and a space anywhere else.
pub fn joins_tight(before: char, after: char) -> bool {
    const CLOSING: &str = "、。，．：；）」』】〕〉》］｝〟！？";
    (is_wide(before) && is_wide(after))
        || CLOSING.contains(before)
        || (is_wide(after) && no_end(after))
}

/// `s` with each tab replaced by the spaces that reach the next tab stop (every `stop`
/// cells, counted in display width), as a terminal shows a tab: a pane does not draw the
/// tab character, so the columns of `--output text` would run together.
pub fn expand_tabs(s: &str, stop: usize) -> String {
    if !s.contains('\t') {
        return s.to_string();
    }
    let stop = stop.max(1);
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0;
    for c in s.chars() {
        if c == '\t' {
            let n = stop - col % stop;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            col += c.width().unwrap_or(0);
        }
    }
    out
}

/// `s` padded with spaces on the right to `cells` display cells (unchanged if it is wider).
pub fn pad(s: &str, cells: usize) -> String {
    format!("{s}{}", " ".repeat(cells.saturating_sub(width(s))))
}

/// `s` padded with spaces on the left to `cells` display cells (unchanged if it is wider).
pub fn pad_left(s: &str, cells: usize) -> String {
    format!("{}{s}", " ".repeat(cells.saturating_sub(width(s))))
}

/// `s` centred in `cells` display cells (an odd space goes to the right).
pub fn center(s: &str, cells: usize) -> String {
    let room = cells.saturating_sub(width(s));
    format!("{}{s}{}", " ".repeat(room / 2), " ".repeat(room - room / 2))
}

/// The hanging indent of a line, in cells: its leading spaces and, after them, a list or
/// feedback marker (`• `, `- `, `1. `, `✓ `, `✗ `, `· `, `▶ `, `[x] `, `( ) `, …), so that
/// the lines it wraps into start under its text.
pub fn hang(line: &str) -> usize {
    let rest = line.trim_start_matches(' ');
    let lead = line.len() - rest.len();
    let marker = marker_len(rest);
    lead + rest.get(..marker).map_or(0, width)
}

/// The byte length of the marker at the start of `s`, with its space, or 0.
fn marker_len(s: &str) -> usize {
    const MARKS: &[&str] = &[
        "• ", "- ", "* ", "✓ ", "✗ ", "· ", "▶ ", "▸ ", "→ ", "[x] ", "[ ] ", "(•) ", "( ) ",
    ];
    if let Some(m) = MARKS.iter().find(|m| s.starts_with(**m)) {
        return m.len();
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    match s.get(digits..) {
        Some(r) if digits > 0 && digits < 4 && (r.starts_with(". ") || r.starts_with(") ")) => {
            digits + 2
        }
        _ => 0,
    }
}

/// Splits `text` into lines of at most `cells` display cells (see the module documentation for
/// where it breaks). A newline always breaks; the spaces a line breaks at are dropped. An empty
/// text is one empty line.
pub fn wrap(text: &str, cells: usize) -> Vec<String> {
    wrap_hanging(text, cells, 0)
}

/// Like [`wrap`], with every line after the first indented by `indent` spaces (a hanging
/// indent, see [`hang`]).
pub fn wrap_hanging(text: &str, cells: usize, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent.min(cells.saturating_sub(1)));
    lines(text, cells, indent)
        .into_iter()
        .enumerate()
        .map(|(i, (a, b))| {
            let s = text.get(a..b).unwrap_or_default();
            if i == 0 {
                s.to_string()
            } else {
                format!("{pad}{s}")
            }
        })
        .collect()
}

/// `text` cut to at most `cells` display cells, ending in `…` when anything was left out (so
/// that rows of a list can still be told apart).
pub fn ellipsis(text: &str, cells: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if width(text) <= cells {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > cells {
            break;
        }
        used += w;
        out.push(c);
    }
    if cells > 0 {
        out.push('…');
    }
    out
}

/// Cuts preformatted text (a table of the AWS CLI, a drawing) into pieces of at most `cells`
/// display cells without looking for words, so that the rows of a table cut at the same column
/// and stay aligned. A wide character is never split; an empty text is one empty piece.
pub fn cut(text: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(1);
    let mut out = Vec::new();
    let (mut cur, mut w) = (String::new(), 0);
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > cells && cw > 0 && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            w = 0;
        }
        cur.push(c);
        w += cw;
    }
    out.push(cur);
    out
}

/// Splits styled text (pieces of text, each with its style `S`) into lines of at most `cells`
/// display cells, breaking as [`wrap`] does: a boundary between two pieces is no break
/// opportunity of its own, only the text decides. Lines after the first are returned without
/// their indent: the caller puts `indent` cells (capped at `cells - 1`) in front of them.
pub fn wrap_spans<S: Clone>(
    spans: &[(S, &str)],
    cells: usize,
    indent: usize,
) -> Vec<Vec<(S, String)>> {
    let text: String = spans.iter().map(|(_, s)| *s).collect();
    let mut bounds = Vec::with_capacity(spans.len());
    let mut at = 0;
    for (style, s) in spans {
        bounds.push((at, at + s.len(), style));
        at += s.len();
    }
    lines(&text, cells, indent)
        .into_iter()
        .map(|(a, b)| {
            bounds
                .iter()
                .filter_map(|&(sa, sb, style)| {
                    let (x, y) = (sa.max(a), sb.min(b));
                    let piece = text.get(x..y).filter(|p| x < y && !p.is_empty())?;
                    Some((style.clone(), piece.to_string()))
                })
                .collect()
        })
        .collect()
}

/// Whether the break opportunity that UAX #14 finds before byte `at` is one we take.
fn allowed(text: &str, at: usize) -> bool {
    let (Some(head), Some(tail)) = (text.get(..at), text.get(at..)) else {
        return false;
    };
    let (Some(a), Some(b)) = (head.chars().next_back(), tail.chars().next()) else {
        return false;
    };
    if no_start(b) {
        return false;
    }
    let before_space = head.trim_end_matches([' ', '\t', '\u{3000}']);
    let last = before_space.chars().next_back();
    if last.is_some_and(no_end) {
        return false;
    }
    // A number and its counter: `2人`, `2 人`.
    let spaces = head.len() - before_space.len();
    if spaces <= 1 && last.is_some_and(|c| c.is_ascii_digit()) && is_wide(b) {
        return false;
    }
    if a.is_whitespace() {
        return true;
    }
    // Between two narrow characters only a space breaks: `long-term`, `user/alice`.
    is_wide(a) || is_wide(b)
}

/// The lines of `text` as byte ranges, trailing spaces left out.
fn lines(text: &str, cells: usize, indent: usize) -> Vec<(usize, usize)> {
    let cells = cells.max(1);
    let next = cells.saturating_sub(indent).max(1);
    let mut out: Vec<(usize, usize)> = Vec::new();
    let room = |out: &Vec<(usize, usize)>| if out.is_empty() { cells } else { next };
    // The line being filled: from `start`, its text (spaces at the end left out) up to `end`,
    // `w` cells wide.
    let (mut start, mut end, mut w) = (0usize, 0usize, 0usize);
    let mut seg_start = 0;
    let mut brk = linebreaks(text)
        .filter(|&(at, op)| op == BreakOpportunity::Mandatory || allowed(text, at))
        .peekable();
    while let Some((at, op)) = brk.next() {
        let seg = text.get(seg_start..at).unwrap_or_default();
        let body = seg.trim_end_matches(['\n', '\r']).trim_end();
        let body_end = seg_start + body.len();
        // The cells before this segment's text on the line: the line so far and the spaces
        // after it, or (on a line not started yet) the indent at the very start of the text.
        let mut lead = if end == start {
            text.get(start..seg_start).map_or(0, width)
        } else {
            w + text.get(end..seg_start).map_or(0, width)
        };
        let body_w = width(body);
        if end > start && lead + body_w > room(&out) {
            out.push((start, end));
            (start, end, lead) = (seg_start, seg_start, 0);
        }
        let first_w = body.chars().next().and_then(|c| c.width()).unwrap_or(0);
        if end == start && lead > 0 && lead + first_w > room(&out) {
            // An indent that leaves no room for the first character is dropped.
            (start, lead) = (seg_start, 0);
        }
        if lead + body_w > room(&out) {
            // Wider than a whole line: cut it by width (a zero-width mark stays with the
            // character before it, and a cut moves back before a character that may not start
            // a line while it can).
            let chars: Vec<(usize, char)> = body
                .char_indices()
                .map(|(i, c)| (seg_start + i, c))
                .collect();
            let (mut from, mut cut_w) = (start, lead);
            let mut k = 0;
            while let Some(&(pos, c)) = chars.get(k) {
                let cw = c.width().unwrap_or(0);
                if cut_w + cw > room(&out) && cw > 0 && pos > from {
                    let starts_badly = |i: usize| chars.get(i).is_some_and(|&(_, c)| no_start(c));
                    let mut back = k;
                    // Moving back carries characters to the next line, which must still fit.
                    while starts_badly(back)
                        && back > 0
                        && chars.get(back - 1).is_some_and(|&(p, _)| {
                            p > from && text.get(p..pos).map_or(0, width) + cw <= next
                        })
                    {
                        back -= 1;
                    }
                    // In an ARN, a path or a URL, a cut right after a `:` or `/` keeps the
                    // parts whole ("…:user/" | "ito", not "11112222333" | "3"), when that
                    // leaves the line at least half full.
                    let half = (room(&out) / 2).max(1);
                    let at_separator = (0..k).rev().find_map(|j| {
                        let &(p, c) = chars.get(j)?;
                        let after = p + c.len_utf8();
                        // What moves to the next line (and this character) must fit it.
                        (matches!(c, ':' | '/')
                            && after > from
                            && text.get(from..after).map_or(0, width) >= half
                            && text.get(after..pos).map_or(0, width) + cw <= next)
                            .then_some(after)
                    });
                    let at = match (at_separator, chars.get(back)) {
                        (Some(a), _) => a,
                        (None, Some(&(p, _))) if !starts_badly(back) => p,
                        _ => pos,
                    };
                    out.push((from, at));
                    from = at;
                    cut_w = text.get(at..pos).map_or(0, width);
                }
                cut_w += cw;
                k += 1;
            }
            (start, end, w) = (from, body_end, cut_w);
        } else if body_end > seg_start {
            (end, w) = (body_end, lead + body_w);
        }
        if op == BreakOpportunity::Mandatory && brk.peek().is_some() {
            out.push((start, end));
            (start, end, w) = (at, at, 0);
        }
        seg_start = at;
    }
    if end > start || out.is_empty() {
        out.push((start, end.max(start)));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_arn_is_cut_after_a_colon_or_a_slash() {
        // Wider than the line, the ARN is cut after a separator, not inside the account id.
        let lines = wrap("arn:aws:iam::111122223333:user/ito に対する", 26);
        assert_eq!(
            lines.first().map(String::as_str),
            Some("arn:aws:iam::111122223333:"),
            "{lines:?}"
        );
        let lines = wrap("midori-books-reports/2026-03.csv に対する", 26);
        assert_eq!(
            lines.first().map(String::as_str),
            Some("midori-books-reports/"),
            "{lines:?}"
        );
        // No separator in the first half: cut by width as before.
        let lines = wrap(&"x".repeat(30), 26);
        assert_eq!(lines.first().map(|l| width(l)), Some(26), "{lines:?}");
    }

    #[test]
    fn no_break_spaces_hold_an_item_together() {
        // The findings detail joins a CIS item with U+00A0 so that it stays on one line.
        let lines = wrap("IAM.1 · user/ueda · CIS\u{a0}v3.0\u{a0}1.16", 22);
        assert!(
            lines.iter().any(|l| l.contains("CIS\u{a0}v3.0\u{a0}1.16")),
            "{lines:?}"
        );
    }

    #[test]
    fn tabs_reach_the_next_stop_by_display_width() {
        assert_eq!(super::expand_tabs("a\tb", 8), "a       b");
        assert_eq!(super::expand_tabs("POLICIES\tx", 8), "POLICIES        x");
        assert_eq!(super::expand_tabs("ユーザー\tx", 8), "ユーザー        x");
        assert_eq!(super::expand_tabs("ab\tc\td", 4), "ab  c   d");
        assert_eq!(super::expand_tabs("none", 8), "none");
    }

    use super::*;

    #[test]
    fn ellipsis_cuts_by_display_width() {
        assert_eq!(ellipsis("short", 10), "short");
        assert_eq!(ellipsis("ルートユーザーと IAM", 9), "ルートユ…");
        assert_eq!(ellipsis("abcdef", 4), "abc…");
        assert!(width(&ellipsis("ロールと一時的な認証情報", 11)) <= 11);
    }

    fn w(s: &str, n: usize) -> Vec<String> {
        wrap(s, n)
    }

    #[test]
    fn english_breaks_at_spaces_only() {
        assert_eq!(
            w("give the same permissions", 10),
            ["give the", "same", "permission", "s"]
        );
        assert_eq!(w("give the same", 10), ["give the", "same"]);
        assert_eq!(w("a long-term key", 9), ["a", "long-term", "key"]);
        assert_eq!(w("", 5), [""]);
        assert_eq!(w("one\ntwo", 20), ["one", "two"]);
    }

    #[test]
    fn an_arn_is_kept_whole_unless_wider_than_the_line() {
        let arn = "arn:aws:iam::123456789012:user/alice";
        assert_eq!(w(&format!("see {arn} now"), 38), ["see", arn, "now"]);
        let cut = w(arn, 20);
        // Cut after a separator when that leaves the line at least half full.
        assert_eq!(cut, ["arn:aws:iam::", "123456789012:user/", "alice"]);
    }

    #[test]
    fn japanese_breaks_between_characters_by_width() {
        // Six double-width characters in 8 cells: four fit on the first line.
        assert_eq!(w("権限を付与する", 8), ["権限を付", "与する"]);
    }

    #[test]
    fn no_line_starts_with_a_closing_mark_or_small_kana() {
        // 「。」 would start the second line at 10 cells; it stays with its word.
        let out = w("これはペンです。次へ", 10);
        assert!(out.iter().all(|l| !l.starts_with('。')), "{out:?}");
        let out = w("ユーザーを作る", 6);
        assert!(out.iter().all(|l| !l.starts_with('ー')), "{out:?}");
        let out = w("ちょっと待って", 6);
        assert!(
            out.iter()
                .all(|l| l.chars().next().is_none_or(|c| !no_start(c))),
            "{out:?}"
        );
    }

    #[test]
    fn no_line_ends_with_an_opening_bracket() {
        let out = w("設定は「読み取り専用」です", 8);
        assert!(out.iter().all(|l| !l.ends_with('「')), "{out:?}");
        assert_eq!(out.concat(), "設定は「読み取り専用」です");
    }

    #[test]
    fn a_number_stays_with_its_counter() {
        for n in 8..24 {
            let out = w("ほかの 2 人がこのキーを 45 分使いました", n);
            assert!(
                out.iter()
                    .all(|l| !l.ends_with(" 2") && !l.ends_with("45") && !l.starts_with('人')),
                "{n}: {out:?}"
            );
        }
    }

    #[test]
    fn aws_stays_with_the_text_after_it() {
        // A long Japanese run is not one word: it breaks inside, so "AWS" is not left alone.
        let out = w(
            "AWS アカウントの中で誰が何をしてよいかを決める仕組みです。",
            20,
        );
        assert_ne!(out.first().map(String::as_str), Some("AWS"), "{out:?}");
        assert!(out.iter().all(|l| width(l) <= 20), "{out:?}");
    }

    #[test]
    fn hanging_indent_and_markers() {
        assert_eq!(hang("• item"), 2);
        assert_eq!(hang("  12. item"), 6);
        assert_eq!(hang("      ✓ why"), 8);
        assert_eq!(hang("plain"), 0);
        assert_eq!(
            wrap_hanging("• one two three", 9, 2),
            ["• one two", "  three"]
        );
    }

    #[test]
    fn styles_follow_the_text_and_add_no_breaks() {
        let spans = [("t", "呼び出しているのは"), ("em", "誰"), ("t", "か")];
        let out = wrap_spans(&spans, 40, 0);
        assert_eq!(
            out,
            [vec![
                ("t", "呼び出しているのは".to_string()),
                ("em", "誰".to_string()),
                ("t", "か".to_string())
            ]]
        );
        // A boundary between two Latin pieces is no break opportunity.
        let out = wrap_spans(&[("t", "ab"), ("code", "cd")], 3, 0);
        assert_eq!(
            out,
            [
                vec![("t", "ab".to_string()), ("code", "c".to_string())],
                vec![("code", "d".to_string())]
            ]
        );
    }

    #[test]
    fn japanese_joins_without_spaces() {
        assert!(joins_tight('の', 'ア'));
        assert!(joins_tight('。', '1'));
        assert!(joins_tight('a', '「'));
        assert!(!joins_tight('S', 'の'));
        assert!(!joins_tight('ー', 'i'));
        assert!(!joins_tight('の', 'A'));
    }

    #[test]
    fn preformatted_text_is_cut_by_width() {
        assert_eq!(cut("| Path | / |", 5), ["| Pat", "h | /", " |"]);
        assert_eq!(cut("表の列", 5), ["表の", "列"]);
        assert_eq!(cut("", 5), [""]);
    }

    #[test]
    fn padding_counts_cells() {
        assert_eq!(pad("言語", 6), "言語  ");
        assert_eq!(pad_left("言", 3), " 言");
        assert_eq!(center("ab", 5), " ab  ");
    }
}
