//! The learner's language, English or Japanese: a leaf every module may use, so that the
//! engines (the evaluator's explanations, the goal sentences) and the interface speak the same
//! language without the engines knowing the interface.

/// The languages iamdojo speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// The language code used in lesson packs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language's name in itself ("English", "日本語"), as a language menu shows it.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
        }
    }

    /// An AWS documentation page in this language: AWS publishes the Japanese edition of
    /// each page under `/ja_jp/` (`https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/…`);
    /// other links are returned as they are.
    pub fn aws_doc(self, url: &str) -> String {
        const DOCS: &str = "https://docs.aws.amazon.com/";
        match (self, url.strip_prefix(DOCS)) {
            (Lang::Ja, Some(path)) if !path.starts_with("ja_jp/") => format!("{DOCS}ja_jp/{path}"),
            _ => url.to_string(),
        }
    }

    /// Reads `en`/`ja` (or a locale such as `ja_JP.UTF-8`).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.to_ascii_lowercase();
        if s.starts_with("ja") {
            Some(Lang::Ja)
        } else if s.starts_with("en") || s == "c" || s == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language from the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_links_go_to_the_japanese_edition_of_aws_pages() {
        // AWS's Japanese pages live under /ja_jp/, e.g.
        // https://docs.aws.amazon.com/ja_jp/securityhub/latest/userguide/iam-controls.html
        let en = "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-4";
        assert_eq!(
            Lang::Ja.aws_doc(en),
            "https://docs.aws.amazon.com/ja_jp/securityhub/latest/userguide/iam-controls.html#iam-4"
        );
        assert_eq!(Lang::En.aws_doc(en), en);
        let ja = Lang::Ja.aws_doc(en);
        assert_eq!(Lang::Ja.aws_doc(&ja), ja);
        assert_eq!(
            Lang::Ja.aws_doc("https://example.com/x"),
            "https://example.com/x"
        );
    }
}
