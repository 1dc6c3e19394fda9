//! serde's messages (and libyaml's, through serde_yaml) worded again from the catalog, so that
//! a file's error reads in the learner's language: the shapes people meet (a missing or
//! unknown field with the list of known ones, a value of the wrong type, an unknown value, a
//! field or key written twice, a file that ends too early, aliases that expand too far) are
//! recognised and rebuilt from [`Input`]'s templates with the names filled in.
//!
//! Every recognised message is checked to read in English exactly as serde wrote it, so
//! English output does not change; a message of no known shape (or one that does not come
//! back the same) is quoted as it came, behind a lead-in ([`Input::Unrecognised`]).

use super::Said;
use crate::msg::Message;
use crate::msg::input::Input;

/// libyaml's and serde_yaml's messages that are a fixed text: each entry's English is the
/// parser's message.
const FIXED: &[Input] = &[
    Input::EofValue,
    Input::UnknownAnchor,
    Input::MoreThanOneDocument,
    Input::EndOfStream,
    Input::NoExpectedKey,
    Input::MappingValuesNotAllowed,
    Input::MappingKeysNotAllowed,
    Input::SequenceNotAllowed,
    Input::NoNodeContent,
    Input::BadTokenStart,
    Input::NoColon,
    Input::NoDash,
    Input::TabIndent,
    Input::TabForSpace,
    Input::UndefinedAlias,
    Input::NoFlowSequenceEnd,
    Input::NoFlowMappingEnd,
    Input::ControlCharacters,
];

/// serde's `message` (its position and field path already taken off) as a [`Said`].
pub fn said(message: &str) -> Said {
    // serde_yaml's limits: ours to explain, so the English says more than serde did.
    match message {
        "repetition limit exceeded" => return Said::of(Input::RepetitionLimit),
        "recursion limit exceeded" => return Said::of(Input::RecursionLimit),
        _ => {}
    }
    match recognise(message) {
        Some(s) if s.to_string() == message => s,
        _ => Said::of(Input::Unrecognised).with("error", message),
    }
}

/// The names of known fields or values in an "unknown field" or "unknown variant" message,
/// when `message` is one (for "did you mean").
pub fn expected_names(message: &str) -> Option<(&str, Vec<&str>)> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    let (word, tail) = rest.split_once("`, ")?;
    let exp = tail.strip_prefix("expected ")?;
    Some((word, names(exp)?.1))
}

fn recognise(m: &str) -> Option<Said> {
    if let Some(fixed) = FIXED.iter().find(|e| e.en() == m) {
        return Some(Said::of(*fixed));
    }
    if let Some(f) = m
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return Some(Said::of(Input::MissingField).with("field", f));
    }
    if let Some(f) = m
        .strip_prefix("duplicate field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return Some(Said::of(Input::DuplicateField).with("field", f));
    }
    if let Some((_, tail)) = Input::NotTime.en().split_once("{value}")
        && let Some(value) = m.strip_prefix('`').and_then(|r| r.strip_suffix(tail))
    {
        return Some(Said::of(Input::NotTime).with("value", value));
    }
    if let Some(key) = m.strip_prefix("duplicate entry with key ") {
        return Some(Said::of(Input::DuplicateKey).with("key", key));
    }
    if let Some(name) = m.strip_prefix("data did not match any variant of untagged enum ") {
        return Some(Said::of(Input::NoVariantMatches).with("name", name));
    }
    if let Some(rest) = m.strip_prefix("unknown field `") {
        return unknown(
            rest,
            Input::UnknownField,
            Input::UnknownFieldNone,
            "field",
            "fields",
        );
    }
    if let Some(rest) = m.strip_prefix("unknown variant `") {
        return unknown(
            rest,
            Input::UnknownVariant,
            Input::UnknownVariantNone,
            "variant",
            "variants",
        );
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (got, want) = rest.rsplit_once(", expected ")?;
        return Some(
            Said::of(Input::InvalidType)
                .saying("got", unexpected(got))
                .saying("want", expected(want)),
        );
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        let (got, want) = rest.rsplit_once(", expected ")?;
        return Some(
            Said::of(Input::InvalidValue)
                .saying("got", unexpected(got))
                .saying("want", expected(want)),
        );
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        let (n, want) = rest.split_once(", expected ")?;
        let n: usize = n.parse().ok()?;
        return Some(
            Said::of(Input::InvalidLength)
                .with("n", n)
                .saying("want", expected(want)),
        );
    }
    None
}

/// "unknown field `x`, expected …" (after its opening backquote).
fn unknown(rest: &str, some: Input, none: Input, name: &'static str, plural: &str) -> Option<Said> {
    let (word, tail) = rest.split_once("`, ")?;
    if tail == format!("there are no {plural}") {
        return Some(Said::of(none).with(name, word));
    }
    let (list, _) = names(tail.strip_prefix("expected ")?)?;
    Some(Said::of(some).with(name, word).saying("expected", list))
}

/// serde's list of names (`` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``) as a
/// [`Said`], and the names.
fn names(exp: &str) -> Option<(Said, Vec<&str>)> {
    fn quoted(s: &str) -> Vec<&str> {
        s.split('`').skip(1).step_by(2).collect()
    }
    if let Some(list) = exp.strip_prefix("one of ") {
        let names = quoted(list);
        let items = names.iter().map(|n| format!("`{n}`")).collect();
        return Some((
            Said::of(Input::OneOf).listing("names", items, Input::ListSep),
            names,
        ));
    }
    match quoted(exp).as_slice() {
        [a, b] => Some((
            Said::of(Input::EitherOf).with("a", a).with("b", b),
            vec![*a, *b],
        )),
        [a] => Some((Said::of(Input::Only).with("name", a), vec![*a])),
        _ => None,
    }
}

/// What serde found in the file (`serde::de::Unexpected`'s words).
fn unexpected(got: &str) -> Said {
    let valued: [(&str, Input); 5] = [
        ("string ", Input::GotString),
        ("integer ", Input::GotInteger),
        ("floating point ", Input::GotFloat),
        ("boolean ", Input::GotBool),
        ("character ", Input::GotChar),
    ];
    for (prefix, entry) in valued {
        if let Some(value) = got.strip_prefix(prefix) {
            return Said::of(entry).with("value", value);
        }
    }
    match got {
        "sequence" => Said::of(Input::GotSequence),
        "map" => Said::of(Input::GotMap),
        "unit value" => Said::of(Input::GotUnit),
        other => Said::quoted(other),
    }
}

/// What the field takes (a visitor's `expecting`).
fn expected(want: &str) -> Said {
    match want {
        "a string" => return Said::of(Input::WantString),
        "a boolean" => return Said::of(Input::WantBool),
        "a sequence" => return Said::of(Input::WantSequence),
        "a map" => return Said::of(Input::WantMap),
        "an integer" => return Said::of(Input::WantInteger),
        "a float" => return Said::of(Input::WantFloatWord),
        "a character" => return Said::of(Input::WantChar),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => {
            return Said::of(Input::WantUnsigned).with("type", want);
        }
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => {
            return Said::of(Input::WantSigned).with("type", want);
        }
        "f32" | "f64" => return Said::of(Input::WantFloat).with("type", want),
        _ => {}
    }
    if let Some(name) = want.strip_prefix("struct ") {
        return Said::of(Input::WantStruct).with("name", name);
    }
    if let Some(name) = want.strip_prefix("enum ") {
        return Said::of(Input::WantEnum).with("name", name);
    }
    Said::quoted(want)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    /// The message in both languages, and that its English is serde's own.
    fn both(m: &str) -> (String, String) {
        let s = said(m);
        (s.render(Lang::En), s.render(Lang::Ja))
    }

    fn check(m: &str, ja: &str) {
        let (en, got) = both(m);
        assert_eq!(en, m, "the English must be serde's own");
        assert_eq!(got, ja, "{m}");
        assert!(
            !said(m).starts_with(Input::Unrecognised),
            "{m} should be recognised"
        );
    }

    #[test]
    fn missing_and_duplicate_fields() {
        check("missing field `steps`", "フィールド `steps` がありません");
        check(
            "duplicate field `title`",
            "フィールド `title` が 2 回書かれています",
        );
        check(
            "duplicate entry with key \"alice\"",
            "キー \"alice\" が 2 回書かれています",
        );
    }

    #[test]
    fn unknown_fields_list_the_known_ones() {
        check(
            "unknown field `step`, expected one of `id`, `version`, `steps`",
            "フィールド `step` はここでは使えません。使えるのは `id`、`version`、`steps` のいずれかです",
        );
        check(
            "unknown field `nam`, expected `name` or `path`",
            "フィールド `nam` はここでは使えません。使えるのは `name` か `path` のどちらかです",
        );
        check(
            "unknown field `x`, expected `name`",
            "フィールド `x` はここでは使えません。使えるのは `name` だけです",
        );
        check(
            "unknown field `x`, there are no fields",
            "フィールド `x` は使えません。ここにはフィールドを書けません",
        );
        assert_eq!(
            expected_names("unknown field `step`, expected one of `id`, `steps`"),
            Some(("step", vec!["id", "steps"]))
        );
    }

    #[test]
    fn unknown_variants_list_the_known_ones() {
        check(
            "unknown variant `Alow`, expected `Allow` or `Deny`",
            "`Alow` はここでは使えない値です。使えるのは `Allow` か `Deny` のどちらかです",
        );
        check(
            "unknown variant `x`, expected one of `read`, `quiz`, `task`",
            "`x` はここでは使えない値です。使えるのは `read`、`quiz`、`task` のいずれかです",
        );
        check(
            "unknown variant `x`, there are no variants",
            "`x` はここでは使えない値です。ここに書ける値はありません",
        );
    }

    #[test]
    fn invalid_types_name_what_was_found_and_what_is_taken() {
        check(
            "invalid type: string \"one\", expected u32",
            "値の種類が違います: 「0 以上の整数 (u32)」を書くところに「文字列 \"one\"」が書かれています",
        );
        check(
            "invalid type: sequence, expected a string",
            "値の種類が違います: 「文字列」を書くところに「リスト」が書かれています",
        );
        check(
            "invalid type: map, expected a sequence",
            "値の種類が違います: 「リスト」を書くところに「マッピング」が書かれています",
        );
        check(
            "invalid type: integer `5`, expected struct LessonFile",
            "値の種類が違います: 「マッピング (LessonFile)」を書くところに「整数 `5`」が書かれています",
        );
        check(
            "invalid type: unit value, expected a boolean",
            "値の種類が違います: 「真偽値 (true か false)」を書くところに「空の値」が書かれています",
        );
        check(
            "invalid value: string \"x\", expected an integer",
            "値が正しくありません: 「整数」を書くところに「文字列 \"x\"」が書かれています",
        );
        check(
            "invalid length 3, expected a tuple of size 2",
            "要素の数が違います: 「a tuple of size 2」が必要ですが、3 個あります",
        );
        // A kind serde names that the catalog does not is quoted in the Japanese sentence.
        check(
            "invalid type: newtype struct, expected i64",
            "値の種類が違います: 「整数 (i64)」を書くところに「newtype struct」が書かれています",
        );
    }

    #[test]
    fn end_of_stream_and_libyaml_problems() {
        check(
            "found unexpected end of stream",
            "引用符が閉じられないまま、ファイルが終わっています",
        );
        check(
            "did not find expected key",
            "キーがあるはずのところにありません。インデントがそろっているか確認してください",
        );
        check(
            "mapping values are not allowed in this context",
            "ここには `キー: 値` を書けません。`: ` を含む文字列は引用符で囲んでください",
        );
        check(
            "EOF while parsing a value",
            "値を読み取る途中でファイルが終わっています",
        );
        check(
            "data did not match any variant of untagged enum Doc",
            "値の形が正しくありません。ここに書ける形 (Doc) のどれにも当てはまりません",
        );
    }

    #[test]
    fn the_limits_say_what_happened() {
        let (en, ja) = both("repetition limit exceeded");
        assert_eq!(
            en,
            "repetition limit exceeded; YAML aliases or nesting expand too far (a file that grows when read is refused)"
        );
        assert_eq!(
            ja,
            "YAML のエイリアスか入れ子の展開が多すぎます (読み込むと大きくなるファイルは受け付けません)"
        );
        let (en, ja) = both("recursion limit exceeded");
        assert!(en.starts_with("recursion limit exceeded; "), "{en}");
        assert!(
            ja.starts_with("YAML のエイリアスか入れ子の展開が深すぎます"),
            "{ja}"
        );
    }

    #[test]
    fn anything_else_is_quoted_behind_a_lead_in() {
        let m = "something serde has never said";
        assert_eq!(
            both(m),
            (m.to_string(), format!("読み取れない内容があります: {m}"))
        );
        // A message that looks like a shape but would not come back the same is quoted too.
        let odd = "missing field `a` and more";
        assert_eq!(both(odd).0, odd);
        assert!(said(odd).starts_with(Input::Unrecognised));
    }
}
