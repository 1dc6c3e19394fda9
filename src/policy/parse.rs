//! Policy JSON → [`Policy`]: strict JSON with spans, every element checked as IAM checks it,
//! and every pattern and condition value compiled.

use jsonc_parser::ast::{ObjectProp, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions, parse_to_ast};

use super::condition::{
    OPERATORS, Operator, ValueType, Values, parse_bool, parse_date, parse_ip, parse_number,
};
use super::error::{ErrorKind, PolicyError};
use super::memo::MemoKey;
use super::model::*;
use super::span::{Cursor, Span};
use super::variables::Template;
use super::wildcard::Glob;
use crate::msg::policy::PolicyParse as P;
use crate::msg::said::Said;
use crate::suggest::nearest;

const TOP_ELEMENTS: &[&str] = &["Version", "Id", "Statement"];
const STATEMENT_ELEMENTS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

/// Parses and compiles a policy document of the given type.
pub fn parse(text: &str, policy_type: PolicyType) -> Result<Policy, PolicyError> {
    let cx = Cx {
        text,
        lines: Cursor::new(text),
        ty: policy_type,
    };
    let opts = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        tokens: false,
    };
    let ast = parse_to_ast(text, &collect, &opts).map_err(|e| {
        let r = e.range();
        cx.err(
            ErrorKind::NotJson,
            "",
            Some(Span {
                start: r.start,
                end: r.end,
            }),
            Said::of(P::NotJson).saying("error", json_error(e.kind())),
        )
    })?;
    let Some(root) = ast.value else {
        return Err(cx.err(ErrorKind::NotJson, "", None, Said::of(P::Empty)));
    };
    if let Some(limit) = policy_type.size_limit() {
        let n = count_policy_chars(text);
        if n > limit {
            return Err(cx.err(
                ErrorKind::PolicyTooLarge,
                "",
                None,
                Said::of(P::TooLarge)
                    .saying("ty", ty_said(policy_type))
                    .with("n", n)
                    .with("limit", limit),
            ));
        }
    }
    cx.policy(&root)
}

/// Counts characters as IAM does for its size quotas: white space outside strings is not
/// counted.
pub fn count_policy_chars(text: &str) -> usize {
    let (mut n, mut in_str, mut esc) = (0usize, false, false);
    for c in text.chars() {
        if in_str {
            n += 1;
            if esc {
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else if c == '"' {
                in_str = false;
            }
        } else if !c.is_whitespace() {
            n += 1;
            if c == '"' {
                in_str = true;
            }
        }
    }
    n
}

struct Cx<'t> {
    text: &'t str,
    lines: Cursor<'t>,
    ty: PolicyType,
}

fn span_of(v: &impl Ranged) -> Span {
    let r = v.range();
    Span {
        start: r.start,
        end: r.end,
    }
}

/// The JSON type of `v`, as a message ("a string").
fn type_name(v: &Value) -> Said {
    Said::of(match v {
        Value::StringLit(_) => P::TypeString,
        Value::NumberLit(_) => P::TypeNumber,
        Value::BooleanLit(_) => P::TypeBool,
        Value::Object(_) => P::TypeObject,
        Value::Array(_) => P::TypeList,
        Value::NullKeyword(_) => P::TypeNull,
    })
}

/// The kind of policy, as a message ("managed policy").
fn ty_said(ty: PolicyType) -> Said {
    Said::of(match ty {
        PolicyType::Identity => P::TyIdentity,
        PolicyType::Managed => P::TyManaged,
        PolicyType::InlineUser => P::TyInlineUser,
        PolicyType::InlineGroup => P::TyInlineGroup,
        PolicyType::InlineRole => P::TyInlineRole,
        PolicyType::Boundary => P::TyBoundary,
        PolicyType::Session => P::TySession,
        PolicyType::Scp => P::TyScp,
        PolicyType::Trust => P::TyTrust,
        PolicyType::Resource => P::TyResource,
    })
}

/// "; did you mean `x`?" when a candidate is near `word`, else nothing.
fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Said {
    nearest(word, candidates)
        .map(|c| Said::of(P::DidYouMean).with("name", c))
        .unwrap_or_default()
}

/// The JSON parser's sentence, as a catalog entry whose English is the parser's own words.
fn json_error(kind: &jsonc_parser::errors::ParseErrorKind) -> Said {
    use jsonc_parser::ParseStringErrorKind as S;
    use jsonc_parser::errors::ParseErrorKind as K;
    let entry = match kind {
        K::BareDecimalPointNumbersNotAllowed => P::JsonBareDecimalPoint,
        K::CommentsNotAllowed => P::JsonComments,
        K::ExpectedColonAfterObjectKey => P::JsonExpectedColon,
        K::ExpectedObjectValue => P::JsonExpectedValue,
        K::ExpectedDigit => P::JsonExpectedDigit,
        K::ExpectedDigitFollowingNegativeSign => P::JsonExpectedDigitAfterMinus,
        K::ExpectedPlusMinusOrDigitInNumberLiteral => P::JsonExpectedExponent,
        K::ExpectedStringObjectProperty => P::JsonExpectedPropertyName,
        K::HexadecimalNumbersNotAllowed => P::JsonHexadecimal,
        K::ExpectedComma => P::JsonExpectedComma,
        K::MultipleRootJsonValues => P::JsonMultipleValues,
        K::NonFiniteNumbersNotAllowed => P::JsonNonFinite,
        K::SingleQuotedStringsNotAllowed => P::JsonSingleQuoted,
        K::TrailingCommasNotAllowed => P::JsonTrailingComma,
        K::UnaryPlusNumbersNotAllowed => P::JsonUnaryPlus,
        K::UnexpectedCloseBrace => P::JsonUnexpectedCloseBrace,
        K::UnexpectedCloseBracket => P::JsonUnexpectedCloseBracket,
        K::UnexpectedColon => P::JsonUnexpectedColon,
        K::UnexpectedComma => P::JsonUnexpectedComma,
        K::UnexpectedToken => P::JsonUnexpectedToken,
        K::UnexpectedTokenInObject => P::JsonUnexpectedTokenInObject,
        K::UnexpectedWord => P::JsonUnexpectedWord,
        K::UnterminatedArray => P::JsonUnterminatedArray,
        K::UnterminatedCommentBlock => P::JsonUnterminatedComment,
        K::UnterminatedObject => P::JsonUnterminatedObject,
        K::NestingDepthExceeded => P::JsonTooDeep,
        K::String(S::InvalidEscapeInSingleQuoteString) => P::JsonInvalidEscapeSingle,
        K::String(S::InvalidEscapeInDoubleQuoteString) => P::JsonInvalidEscapeDouble,
        K::String(S::ExpectedFourHexDigits) => P::JsonFourHexDigits,
        K::String(S::ExpectedTwoHexDigits) => P::JsonTwoHexDigits,
        K::String(S::InvalidUnicodeEscapeSequence(v)) => {
            return Said::of(P::JsonInvalidUnicode).with("value", v);
        }
        K::String(S::InvalidEscape) => P::JsonInvalidEscape,
        K::String(S::UnterminatedStringLiteral) => P::JsonUnterminatedString,
        // A sentence of a newer parser (or of one of its optional features).
        #[allow(unreachable_patterns)]
        other => return Said::of(P::JsonOther).with("error", other),
    };
    Said::of(entry)
}

fn join(path: &str, elem: &str) -> String {
    if path.is_empty() {
        elem.to_string()
    } else {
        format!("{path}.{elem}")
    }
}

impl<'t> Cx<'t> {
    fn err(&self, kind: ErrorKind, path: &str, span: Option<Span>, message: Said) -> PolicyError {
        PolicyError {
            kind,
            path: path.to_string(),
            span,
            position: span.map(|s| self.lines.position(s.start)),
            message,
        }
    }

    /// The properties of an object, refusing duplicates and names not in `known`.
    fn props<'a, 'v>(
        &self,
        props: &'a [ObjectProp<'v>],
        path: &str,
        known: &[&'static str],
        what: P,
    ) -> Result<Vec<(&'static str, &'a ObjectProp<'v>)>, PolicyError> {
        let mut out: Vec<(&'static str, &'a ObjectProp<'v>)> = Vec::with_capacity(props.len());
        for p in props {
            let name = p.name.as_str();
            let Some(k) = known.iter().find(|k| **k == name) else {
                return Err(self.err(
                    ErrorKind::UnknownElement,
                    &join(path, name),
                    Some(span_of(&p.name)),
                    Said::of(P::UnknownElement)
                        .with("name", name)
                        .saying("what", Said::of(what))
                        .saying("hint", did_you_mean(name, known.iter().copied())),
                ));
            };
            if out.iter().any(|(n, _)| n == k) {
                return Err(self.err(
                    ErrorKind::DuplicateElement,
                    &join(path, name),
                    Some(span_of(&p.name)),
                    Said::of(P::DuplicateElement).with("name", name),
                ));
            }
            out.push((k, p));
        }
        Ok(out)
    }

    fn string(&self, v: &Value, parent: &str, elem: &str) -> Result<Spanned<String>, PolicyError> {
        match v {
            Value::StringLit(s) => Ok(Spanned {
                value: s.value.to_string(),
                span: span_of(s),
            }),
            other => {
                let path = join(parent, elem);
                Err(self.err(
                    ErrorKind::WrongType,
                    &path,
                    Some(span_of(other)),
                    Said::of(P::NotString)
                        .with("path", &path)
                        .saying("type", type_name(other)),
                ))
            }
        }
    }

    fn strings(
        &self,
        v: &Value,
        parent: &str,
        elem: &str,
    ) -> Result<Vec<Spanned<String>>, PolicyError> {
        match v {
            Value::Array(a) => a
                .elements
                .iter()
                .map(|e| self.string(e, parent, elem))
                .collect(),
            other => Ok(vec![self.string(other, parent, elem).map_err(
                |mut e| {
                    let path = join(parent, elem);
                    e.message = Said::of(P::NotStrings)
                        .with("path", path)
                        .saying("type", type_name(other));
                    e
                },
            )?]),
        }
    }

    fn policy(&self, root: &Value) -> Result<Policy, PolicyError> {
        let Value::Object(obj) = root else {
            return Err(self.err(
                ErrorKind::NotAnObject,
                "",
                Some(span_of(root)),
                Said::of(P::PolicyNotObject).saying("type", type_name(root)),
            ));
        };
        let props = self.props(&obj.properties, "", TOP_ELEMENTS, P::WhatPolicy)?;
        let mut version = Version::V2008_10_17;
        let mut version_given = false;
        let mut id = None;
        let mut statement: Option<&ObjectProp> = None;
        for (name, p) in props {
            match name {
                "Version" => {
                    let v = self.string(&p.value, "", "Version")?;
                    version = match v.value.as_str() {
                        "2012-10-17" => Version::V2012_10_17,
                        "2008-10-17" => Version::V2008_10_17,
                        other => {
                            return Err(self.err(
                                ErrorKind::UnknownVersion,
                                "Version",
                                Some(v.span),
                                Said::of(P::UnknownVersion).with("version", other),
                            ));
                        }
                    };
                    version_given = true;
                }
                "Id" => id = Some(self.string(&p.value, "", "Id")?.value),
                _ => statement = Some(p),
            }
        }
        let Some(st) = statement else {
            return Err(self.err(
                ErrorKind::MissingStatement,
                "",
                Some(span_of(root)),
                Said::of(P::MissingStatement),
            ));
        };
        let items: Vec<(String, &Value)> = match &st.value {
            Value::Object(_) => vec![("Statement".to_string(), &st.value)],
            Value::Array(a) if a.elements.is_empty() => {
                return Err(self.err(
                    ErrorKind::EmptyStatement,
                    "Statement",
                    Some(span_of(&st.value)),
                    Said::of(P::EmptyStatement),
                ));
            }
            Value::Array(a) => a
                .elements
                .iter()
                .enumerate()
                .map(|(i, e)| (format!("Statement[{i}]"), e))
                .collect(),
            other => {
                return Err(self.err(
                    ErrorKind::WrongType,
                    "Statement",
                    Some(span_of(other)),
                    Said::of(P::StatementWrongType).saying("type", type_name(other)),
                ));
            }
        };
        let vars = version == Version::V2012_10_17;
        let mut statements = Vec::with_capacity(items.len());
        for (i, (path, v)) in items.iter().enumerate() {
            statements.push(self.statement(v, path, i, vars)?);
        }
        for (i, (s, (path, _))) in statements.iter().zip(&items).enumerate() {
            if let Some(sid) = &s.sid
                && statements
                    .iter()
                    .take(i)
                    .any(|o| o.sid.as_ref() == Some(sid))
            {
                return Err(self.err(
                    ErrorKind::DuplicateSid,
                    &join(path, "Sid"),
                    Some(s.span),
                    Said::of(P::DuplicateSid).with("sid", sid),
                ));
            }
        }
        let mut policy = Policy {
            version,
            version_given,
            id,
            policy_type: self.ty,
            statements,
            text: self.text.to_string(),
            by_service: Box::default(),
            any_service: Box::default(),
            matching: Default::default(),
        };
        policy.build_index();
        Ok(policy)
    }

    fn statement(
        &self,
        v: &Value,
        path: &str,
        index: usize,
        vars: bool,
    ) -> Result<Statement, PolicyError> {
        let Value::Object(obj) = v else {
            return Err(self.err(
                ErrorKind::NotAnObject,
                path,
                Some(span_of(v)),
                Said::of(P::StatementNotObject).saying("type", type_name(v)),
            ));
        };
        let span = span_of(obj);
        let props = self.props(&obj.properties, path, STATEMENT_ELEMENTS, P::WhatStatement)?;
        let get = |n: &str| props.iter().find(|(k, _)| *k == n).map(|(_, p)| *p);

        let sid = match get("Sid") {
            Some(p) => {
                let s = self.string(&p.value, path, "Sid")?;
                let strict = !matches!(self.ty, PolicyType::Resource | PolicyType::Scp);
                if strict && !s.value.chars().all(|c| c.is_ascii_alphanumeric()) {
                    return Err(self.err(
                        ErrorKind::InvalidSid,
                        &join(path, "Sid"),
                        Some(s.span),
                        Said::of(P::InvalidSid).with("sid", &s.value),
                    ));
                }
                Some(std::sync::Arc::from(s.value))
            }
            None => None,
        };

        let effect = match get("Effect") {
            None => {
                return Err(self.err(
                    ErrorKind::MissingEffect,
                    path,
                    Some(span),
                    Said::of(P::MissingEffect),
                ));
            }
            Some(p) => {
                let e = self.string(&p.value, path, "Effect")?;
                match e.value.as_str() {
                    "Allow" => Effect::Allow,
                    "Deny" => Effect::Deny,
                    other => {
                        return Err(self.err(
                            ErrorKind::InvalidEffect,
                            &join(path, "Effect"),
                            Some(e.span),
                            Said::of(P::InvalidEffect).with("effect", other),
                        ));
                    }
                }
            }
        };

        let principal = self.principal(path, get("Principal"), get("NotPrincipal"), span)?;
        let action = self.actions(path, get("Action"), get("NotAction"), span)?;
        let resource = self.resources(path, get("Resource"), get("NotResource"), span, vars)?;
        let conditions = match get("Condition") {
            Some(p) => self.conditions(&p.value, &join(path, "Condition"), vars)?,
            None => Vec::new(),
        };
        let end_offset = span.end.saturating_sub(1);
        Ok(Statement {
            index,
            sid,
            effect,
            principal,
            action,
            resource,
            conditions,
            span,
            start: self.lines.position(span.start),
            end: self.lines.position(end_offset),
        })
    }

    fn principal(
        &self,
        path: &str,
        pos: Option<&ObjectProp>,
        neg: Option<&ObjectProp>,
        span: Span,
    ) -> Result<Option<PrincipalList>, PolicyError> {
        if let (Some(_), Some(n)) = (pos, neg) {
            return Err(self.err(
                ErrorKind::PrincipalAndNotPrincipal,
                &join(path, "NotPrincipal"),
                Some(span_of(&n.name)),
                Said::of(P::PrincipalAndNotPrincipal),
            ));
        }
        let (p, negated) = match (pos, neg) {
            (Some(p), _) => (p, false),
            (None, Some(n)) => (n, true),
            (None, None) => {
                if self.ty.has_principal() {
                    return Err(self.err(
                        ErrorKind::MissingPrincipal,
                        path,
                        Some(span),
                        Said::of(P::MissingPrincipal).saying("ty", ty_said(self.ty)),
                    ));
                }
                return Ok(None);
            }
        };
        let elem = if negated { "NotPrincipal" } else { "Principal" };
        let ppath = || join(path, elem);
        if !self.ty.has_principal() {
            return Err(self.err(
                ErrorKind::PrincipalInIdentityPolicy,
                &ppath(),
                Some(span_of(&p.name)),
                Said::of(P::PrincipalNotAllowed)
                    .saying("ty", ty_said(self.ty))
                    .with("elem", elem),
            ));
        }
        let mut out = PrincipalList {
            negated,
            everyone: false,
            entries: Vec::new(),
        };
        match &p.value {
            Value::StringLit(s) if s.value == "*" => out.everyone = true,
            Value::Object(o) => {
                let known = ["AWS", "Service", "Federated", "CanonicalUser"];
                let props = self.props(&o.properties, &ppath(), &known, P::WhatPrincipal)?;
                for (name, prop) in props {
                    let kind = match name {
                        "AWS" => PrincipalKind::Aws,
                        "Service" => PrincipalKind::Service,
                        "Federated" => PrincipalKind::Federated,
                        _ => PrincipalKind::CanonicalUser,
                    };
                    let pp = ppath();
                    for v in self.strings(&prop.value, &pp, name)? {
                        if kind == PrincipalKind::Aws && !valid_aws_principal(&v.value) {
                            return Err(self.err(
                                ErrorKind::InvalidPrincipal,
                                &join(&pp, name),
                                Some(v.span),
                                Said::of(P::InvalidAwsPrincipal).with("value", &v.value),
                            ));
                        }
                        out.entries.push((kind, v));
                    }
                }
            }
            other => {
                return Err(self.err(
                    ErrorKind::InvalidPrincipal,
                    &ppath(),
                    Some(span_of(other)),
                    Said::of(P::PrincipalWrongType).with("elem", elem),
                ));
            }
        }
        Ok(Some(out))
    }

    fn actions(
        &self,
        path: &str,
        pos: Option<&ObjectProp>,
        neg: Option<&ObjectProp>,
        span: Span,
    ) -> Result<ActionList, PolicyError> {
        if let (Some(_), Some(n)) = (pos, neg) {
            return Err(self.err(
                ErrorKind::ActionAndNotAction,
                &join(path, "NotAction"),
                Some(span_of(&n.name)),
                Said::of(P::ActionAndNotAction),
            ));
        }
        let (p, negated) = match (pos, neg) {
            (Some(p), _) => (p, false),
            (None, Some(n)) => (n, true),
            (None, None) => {
                return Err(self.err(
                    ErrorKind::MissingAction,
                    path,
                    Some(span),
                    Said::of(P::MissingAction),
                ));
            }
        };
        let aelem = if negated { "NotAction" } else { "Action" };
        let raw = self.strings(&p.value, path, aelem)?;
        if raw.is_empty() {
            return Err(self.err(
                ErrorKind::MissingAction,
                &join(path, aelem),
                Some(span_of(&p.value)),
                Said::of(P::EmptyActions),
            ));
        }
        let mut list = ActionList {
            negated,
            patterns: Vec::with_capacity(raw.len()),
            ..ActionList::default()
        };
        for a in raw {
            let pat = compile_action(&a.value).ok_or_else(|| {
                self.err(
                    ErrorKind::InvalidAction,
                    &join(path, aelem),
                    Some(a.span),
                    Said::of(P::InvalidAction).with("action", &a.value),
                )
            })?;
            list.patterns.push(ActionPattern::new(a, pat.0, pat.1));
        }
        list.build_index();
        Ok(list)
    }

    fn resources(
        &self,
        path: &str,
        pos: Option<&ObjectProp>,
        neg: Option<&ObjectProp>,
        span: Span,
        vars: bool,
    ) -> Result<Option<ResourceList>, PolicyError> {
        if let (Some(_), Some(n)) = (pos, neg) {
            return Err(self.err(
                ErrorKind::ResourceAndNotResource,
                &join(path, "NotResource"),
                Some(span_of(&n.name)),
                Said::of(P::ResourceAndNotResource),
            ));
        }
        let (p, negated) = match (pos, neg) {
            (Some(p), _) => (p, false),
            (None, Some(n)) => (n, true),
            (None, None) => {
                if self.ty == PolicyType::Trust {
                    return Ok(None);
                }
                return Err(self.err(
                    ErrorKind::MissingResource,
                    path,
                    Some(span),
                    Said::of(P::MissingResource).saying("ty", ty_said(self.ty)),
                ));
            }
        };
        let elem = if negated { "NotResource" } else { "Resource" };
        let rpath = || join(path, elem);
        if self.ty == PolicyType::Trust {
            return Err(self.err(
                ErrorKind::UnknownElement,
                &rpath(),
                Some(span_of(&p.name)),
                Said::of(P::ResourceInTrustPolicy).with("elem", elem),
            ));
        }
        let raw = self.strings(&p.value, path, elem)?;
        if raw.is_empty() {
            return Err(self.err(
                ErrorKind::MissingResource,
                &rpath(),
                Some(span_of(&p.value)),
                Said::of(P::EmptyResources),
            ));
        }
        let mut patterns = Vec::with_capacity(raw.len());
        for r in raw {
            if r.value != "*" && !r.value.starts_with("arn:") {
                return Err(self.err(
                    ErrorKind::InvalidResource,
                    &rpath(),
                    Some(r.span),
                    Said::of(P::InvalidResource).with("resource", &r.value),
                ));
            }
            let template = Template::parse(&r.value, vars);
            patterns.push(ResourcePattern::new(r, template));
        }
        let memo = MemoKey::of(|h| {
            h.write_u8(b'R');
            h.write_u8(u8::from(vars));
            h.write_u8(u8::from(negated));
            for p in &patterns {
                MemoKey::text(h, &p.raw.value);
            }
        });
        Ok(Some(ResourceList {
            negated,
            patterns,
            memo,
        }))
    }

    fn conditions(&self, v: &Value, path: &str, vars: bool) -> Result<Vec<Condition>, PolicyError> {
        let Value::Object(obj) = v else {
            return Err(self.err(
                ErrorKind::WrongType,
                path,
                Some(span_of(v)),
                Said::of(P::ConditionWrongType).saying("type", type_name(v)),
            ));
        };
        // Sized up front: a policy is kept as long as the account holding it, and a vector
        // grown by pushing keeps up to twice the room it needs.
        let keys = obj
            .properties
            .iter()
            .map(|p| match &p.value {
                Value::Object(k) => k.properties.len(),
                _ => 0,
            })
            .sum();
        let mut out = Vec::with_capacity(keys);
        let mut seen_ops: Vec<&str> = Vec::new();
        for op_prop in &obj.properties {
            let op_name = op_prop.name.as_str();
            let opath = || join(path, op_name);
            let Some(op) = Operator::parse(op_name) else {
                let names = OPERATORS.iter().map(|(n, _)| *n);
                let base = op_name
                    .trim_start_matches("ForAllValues:")
                    .trim_start_matches("ForAnyValue:")
                    .trim_end_matches("IfExists");
                return Err(self.err(
                    ErrorKind::UnknownOperator,
                    &opath(),
                    Some(span_of(&op_prop.name)),
                    Said::of(P::UnknownOperator)
                        .with("op", op_name)
                        .saying("hint", did_you_mean(base, names)),
                ));
            };
            if seen_ops.contains(&op_name) {
                return Err(self.err(
                    ErrorKind::DuplicateElement,
                    &opath(),
                    Some(span_of(&op_prop.name)),
                    Said::of(P::DuplicateOperator).with("op", op_name),
                ));
            }
            seen_ops.push(op_name);
            let Value::Object(keys) = &op_prop.value else {
                return Err(self.err(
                    ErrorKind::WrongType,
                    &opath(),
                    Some(span_of(&op_prop.value)),
                    Said::of(P::OperatorWrongType)
                        .with("op", op_name)
                        .saying("type", type_name(&op_prop.value)),
                ));
            };
            let mut seen_keys: Vec<String> = Vec::new();
            for kp in &keys.properties {
                let key = kp.name.as_str().to_string();
                let kpath = || join(&opath(), &key);
                let key_lower = key.to_ascii_lowercase();
                if seen_keys.contains(&key_lower) {
                    return Err(self.err(
                        ErrorKind::DuplicateElement,
                        &kpath(),
                        Some(span_of(&kp.name)),
                        Said::of(P::DuplicateKey)
                            .with("key", &key)
                            .with("op", op_name),
                    ));
                }
                seen_keys.push(key_lower.clone());
                let raw = self.condition_values(&kp.value, &kpath)?;
                let values = self.compile_values(&op, &raw, &kpath, vars)?;
                let memo = MemoKey::of(|h| {
                    h.write_u8(b'C');
                    h.write_u8(u8::from(vars));
                    MemoKey::text(h, &op.name);
                    MemoKey::text(h, &key_lower);
                    for v in &raw {
                        MemoKey::text(h, &v.value);
                    }
                });
                out.push(Condition {
                    operator: op.clone(),
                    key: Spanned {
                        value: key,
                        span: span_of(&kp.name),
                    },
                    key_lower,
                    raw_values: raw.into_iter().map(|s| s.value).collect(),
                    values,
                    span: span_of(kp),
                    memo,
                });
            }
        }
        Ok(out)
    }

    fn condition_values(
        &self,
        v: &Value,
        path: &dyn Fn() -> String,
    ) -> Result<Vec<Spanned<String>>, PolicyError> {
        let one = |v: &Value| -> Result<Spanned<String>, PolicyError> {
            let value = match v {
                Value::StringLit(s) => s.value.to_string(),
                Value::NumberLit(n) => n.value.to_string(),
                Value::BooleanLit(b) => b.value.to_string(),
                other => {
                    return Err(self.err(
                        ErrorKind::InvalidConditionValue,
                        &path(),
                        Some(span_of(other)),
                        Said::of(P::ConditionValueType).saying("type", type_name(other)),
                    ));
                }
            };
            Ok(Spanned {
                value,
                span: span_of(v),
            })
        };
        let vals = match v {
            Value::Array(a) => a.elements.iter().map(one).collect::<Result<Vec<_>, _>>()?,
            other => vec![one(other)?],
        };
        if vals.is_empty() {
            return Err(self.err(
                ErrorKind::InvalidConditionValue,
                &path(),
                Some(span_of(v)),
                Said::of(P::NoConditionValue),
            ));
        }
        Ok(vals)
    }

    fn compile_values(
        &self,
        op: &Operator,
        raw: &[Spanned<String>],
        path: &dyn Fn() -> String,
        vars: bool,
    ) -> Result<Values, PolicyError> {
        fn each<T>(
            cx: &Cx,
            raw: &[Spanned<String>],
            path: &dyn Fn() -> String,
            what: P,
            f: impl Fn(&str) -> Option<T>,
        ) -> Result<Vec<T>, PolicyError> {
            raw.iter()
                .map(|r| {
                    f(&r.value).ok_or_else(|| {
                        cx.err(
                            ErrorKind::InvalidConditionValue,
                            &path(),
                            Some(r.span),
                            Said::of(what).with("value", &r.value),
                        )
                    })
                })
                .collect()
        }
        Ok(match op.base.value_type() {
            ValueType::String => Values::Str(
                raw.iter()
                    .map(|r| Template::parse(&r.value, vars))
                    .collect(),
            ),
            ValueType::Arn => Values::Arn(
                raw.iter()
                    .map(|r| Template::parse(&r.value, vars))
                    .collect(),
            ),
            ValueType::Numeric => Values::Num(each(self, raw, path, P::NotANumber, parse_number)?),
            ValueType::Date => Values::Date(each(self, raw, path, P::NotADate, parse_date)?),
            ValueType::Bool => Values::Bool(each(self, raw, path, P::NotABool, parse_bool)?),
            ValueType::Null => Values::Null(each(self, raw, path, P::NotABool, parse_bool)?),
            ValueType::Binary => Values::Bin(raw.iter().map(|r| r.value.clone()).collect()),
            ValueType::Ip => Values::Ip(each(self, raw, path, P::NotAnIp, parse_ip)?),
        })
    }
}

/// Splits an action pattern into its service and name globs (lowercase); `None` when it
/// has no service prefix.
pub fn compile_action(raw: &str) -> Option<(Glob, Glob)> {
    if raw == "*" {
        return Some((Glob::Any, Glob::Any));
    }
    let lower = raw.to_ascii_lowercase();
    let (svc, name) = lower.split_once(':')?;
    if svc.is_empty() || name.is_empty() {
        return None;
    }
    Some((Glob::new(svc), Glob::new(name)))
}

fn valid_aws_principal(v: &str) -> bool {
    if v == "*" {
        return true;
    }
    // IAM refuses wildcards inside a principal ARN; only the whole value may be "*".
    if v.contains(['*', '?']) {
        return false;
    }
    v.starts_with("arn:")
        || (v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()))
        || (v.len() > 4 && v.starts_with("AIDA") || v.starts_with("AROA"))
}

/// Every base operator name, for suggestions elsewhere.
pub fn operator_names() -> impl Iterator<Item = &'static str> {
    OPERATORS.iter().map(|(n, _)| *n)
}

/// Checks the aggregate quota of one entity's inline policies (`ty` is `InlineUser`,
/// `InlineGroup` or `InlineRole`): IAM counts the characters of all of them together, white
/// space not counted.
pub fn check_inline_total(ty: PolicyType, docs: &[&str]) -> Result<(), PolicyError> {
    let Some(limit) = ty.size_limit() else {
        return Ok(());
    };
    let total: usize = docs.iter().map(|d| count_policy_chars(d)).sum();
    if total <= limit {
        return Ok(());
    }
    Err(PolicyError {
        kind: ErrorKind::PolicyTooLarge,
        path: String::new(),
        span: None,
        position: None,
        message: Said::of(P::InlineTotal)
            .saying("ty", ty_said(ty))
            .with("total", total)
            .with("limit", limit),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quotas from <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>.
    #[test]
    fn inline_totals_add_up_across_documents() {
        let doc = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{}"}}]}}"#,
            "a".repeat(900)
        );
        assert!(check_inline_total(PolicyType::InlineUser, &[&doc]).is_ok());
        let e = check_inline_total(PolicyType::InlineUser, &[&doc, &doc, &doc]);
        assert_eq!(e.map_err(|e| e.kind), Err(ErrorKind::PolicyTooLarge));
        assert!(check_inline_total(PolicyType::InlineRole, &[&doc, &doc, &doc]).is_ok());
    }

    #[test]
    fn white_space_outside_strings_is_not_counted() {
        assert_eq!(count_policy_chars("{ \"a b\" : 1 }"), 9);
    }
}
