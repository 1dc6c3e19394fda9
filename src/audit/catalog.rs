//! The action catalog: every AWS service prefix with its actions (access level, resource
//! types, condition keys), its resource types (ARN formats) and its condition keys (types),
//! plus the global `aws:` condition keys, from the Service Authorization Reference (source and
//! date in `assets/README.md`).
//!
//! The repository keeps the catalog as gzip; the build inflates it (`build.rs`) and the binary
//! embeds the JSON text, read on first use, once ([`Catalog::get`]). Loading skims the text
//! for where each service starts;
//! a service is parsed only when something asks for it, so that validating a policy that
//! names five services does not pay for the other 450.
//!
//! Names are looked up case-insensitively, as IAM compares them.

mod arn;
mod scan;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

use self::arn::ArnTemplate;
use crate::policy::wildcard::{Glob, PChar};

/// The catalog as shipped: compact JSON (see `assets/README.md`), inflated by `build.rs`.
const CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

/// Where each top-level member and each service of [`CATALOG_JSON`] is, found by `build.rs`
/// with the same skim ([`scan`]) that [`Catalog::from_json`] runs, so that loading the
/// bundled catalog skims nothing: `TOP` and `SERVICES`, as (key, start, end) byte ranges.
mod index {
    include!(concat!(env!("OUT_DIR"), "/catalog_index.rs"));
}

/// (key, byte range) pairs of an object's members.
type Members<'t> = Vec<(Cow<'t, str>, Range<usize>)>;

fn from_index(ix: &[(&'static str, usize, usize)]) -> Members<'static> {
    ix.iter()
        .map(|&(k, a, b)| (Cow::Borrowed(k), a..b))
        .collect()
}

fn skim(text: &str, range: Range<usize>) -> Result<Members<'_>, scan::ScanError> {
    Ok(scan::members(text, range)?
        .into_iter()
        .map(|m| (m.key, m.value))
        .collect())
}

/// Why the bundled catalog could not be read. It is built into the binary, so this means the
/// build is broken, not that the user did something wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// The text is not the JSON shape described in `assets/README.md`.
    #[error("the bundled action catalog is malformed: {0}")]
    Format(String),
}

/// How much an action can do, as the Service Authorization Reference classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum AccessLevel {
    /// Lists resources.
    List,
    /// Reads resources or their attributes.
    Read,
    /// Creates, changes or deletes resources.
    Write,
    /// Grants or changes permissions (policies, access keys, sharing…).
    #[serde(rename = "Permissions management")]
    PermissionsManagement,
    /// Adds or removes tags.
    Tagging,
}

impl AccessLevel {
    /// Every level, in the reference's order.
    pub const ALL: [AccessLevel; 5] = [
        AccessLevel::List,
        AccessLevel::Read,
        AccessLevel::Write,
        AccessLevel::PermissionsManagement,
        AccessLevel::Tagging,
    ];

    /// The name as the reference writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::List => "List",
            AccessLevel::Read => "Read",
            AccessLevel::Write => "Write",
            AccessLevel::PermissionsManagement => "Permissions management",
            AccessLevel::Tagging => "Tagging",
        }
    }
}

impl std::fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The type of a condition key's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyType {
    /// Text.
    String,
    /// An ARN.
    Arn,
    /// `true` or `false`.
    Bool,
    /// A number.
    Numeric,
    /// A point in time.
    Date,
    /// An IP address.
    IpAddress,
    /// Base64 data.
    Binary,
    /// A type name this version does not know; no type check is made.
    Other,
}

impl KeyType {
    /// Parses the reference's type name; `ArrayOf…` gives the element type and `true`.
    pub fn parse(name: &str) -> (KeyType, bool) {
        let (base, multi) = match name.strip_prefix("ArrayOf") {
            Some(b) => (b, true),
            None => (name, false),
        };
        let ty = match base.to_ascii_lowercase().as_str() {
            "string" => KeyType::String,
            "arn" => KeyType::Arn,
            "bool" | "boolean" => KeyType::Bool,
            "numeric" | "long" | "integer" => KeyType::Numeric,
            "date" => KeyType::Date,
            "ipaddress" => KeyType::IpAddress,
            "binary" => KeyType::Binary,
            _ => KeyType::Other,
        };
        (ty, multi)
    }

    /// The reference's name for the type (without `ArrayOf`).
    pub fn as_str(self) -> &'static str {
        match self {
            KeyType::String => "String",
            KeyType::Arn => "ARN",
            KeyType::Bool => "Bool",
            KeyType::Numeric => "Numeric",
            KeyType::Date => "Date",
            KeyType::IpAddress => "IPAddress",
            KeyType::Binary => "Binary",
            KeyType::Other => "Other",
        }
    }
}

/// A condition key: its name as the reference writes it (possibly a template such as
/// `aws:PrincipalTag/${TagKey}` or `s3:ExistingObjectTag/<key>`), its type and whether a
/// request can carry several values for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionKey {
    /// The name as written in the reference.
    pub name: Box<str>,
    /// The element type.
    pub key_type: KeyType,
    /// True for multivalued (`ArrayOf…`) keys, which need `ForAllValues:`/`ForAnyValue:`.
    pub multivalued: bool,
    matcher: KeyMatcher,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum KeyMatcher {
    /// The lowercase name.
    Exact(Box<str>),
    /// A name with placeholders, each one or more characters.
    Template(Glob),
}

impl ConditionKey {
    fn new(name: &str, key_type: KeyType, multivalued: bool) -> ConditionKey {
        ConditionKey {
            name: name.into(),
            key_type,
            multivalued,
            matcher: key_matcher(name),
        }
    }

    /// True when `key` (lowercase) is this key, or an instance of this template.
    pub fn matches(&self, key_lower: &str) -> bool {
        match &self.matcher {
            KeyMatcher::Exact(k) => **k == *key_lower,
            KeyMatcher::Template(g) => g.matches(key_lower),
        }
    }

    /// True for a template such as `aws:ResourceTag/${TagKey}`.
    pub fn is_template(&self) -> bool {
        matches!(self.matcher, KeyMatcher::Template(_))
    }

    /// The type as the reference writes it, e.g. `ArrayOfString`.
    pub fn type_name(&self) -> String {
        if self.multivalued {
            format!("ArrayOf{}", self.key_type.as_str())
        } else {
            self.key_type.as_str().to_string()
        }
    }
}

/// `${Name}` and `<name>` are placeholders; a name ending in `/` takes a suffix too.
fn key_matcher(name: &str) -> KeyMatcher {
    let lower = name.to_ascii_lowercase();
    if !lower.contains("${") && !lower.contains('<') && !lower.ends_with('/') {
        return KeyMatcher::Exact(lower.into());
    }
    let mut p: Vec<PChar> = Vec::with_capacity(lower.len());
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        let close = match c {
            '$' if chars.peek() == Some(&'{') => Some('}'),
            '<' => Some('>'),
            _ => None,
        };
        match close {
            Some(close) => {
                for d in chars.by_ref() {
                    if d == close {
                        break;
                    }
                }
                p.push(PChar::One);
                p.push(PChar::Star);
            }
            None => p.push(PChar::Lit(c)),
        }
    }
    if lower.ends_with('/') {
        p.push(PChar::One);
        p.push(PChar::Star);
    }
    KeyMatcher::Template(Glob::from_pchars(&p))
}

/// A resource type of a service and its ARN format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceType {
    /// The reference's name, e.g. `object`.
    pub name: Box<str>,
    /// The ARN format, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}` (a few
    /// types have several, separated by `, `).
    pub arn: Box<str>,
    templates: Vec<ArnTemplate>,
}

impl ResourceType {
    /// True when some ARN of this type matches the policy resource pattern `resource`
    /// (`*` and `?` are wildcards; pass policy variables as `*`).
    pub fn fits(&self, resource: &str) -> bool {
        self.fits_pchars(&crate::policy::wildcard::to_pchars(resource))
    }

    /// As [`ResourceType::fits`], for an already split pattern.
    pub fn fits_pchars(&self, resource: &[PChar]) -> bool {
        self.templates.iter().any(|t| t.fits(resource))
    }
}

/// A resource type an action works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionResource {
    /// Index into the service's [`Service::resource_types`].
    pub resource_type: u16,
    /// The reference's asterisk: the request always names a resource of this type.
    pub required: bool,
}

/// One action of a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// The name as AWS writes it, e.g. `GetObject`.
    pub name: Box<str>,
    lower: Box<str>,
    /// The access level.
    pub access: AccessLevel,
    /// The resource types it works on; empty when it supports only `"Resource": "*"`.
    pub resources: Vec<ActionResource>,
    /// Indices into [`Service::condition_keys`] of the keys the action supports.
    condition_keys: Vec<u16>,
    /// Actions a caller also needs, e.g. `iam:PassRole`.
    pub dependent_actions: Vec<Box<str>>,
}

impl Action {
    /// The name in lowercase.
    pub fn lower(&self) -> &str {
        &self.lower
    }
}

/// One service: its actions, resource types and condition keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// The service prefix used in actions, e.g. `s3`.
    pub prefix: Box<str>,
    /// The service's name, e.g. `Amazon S3`.
    pub name: Box<str>,
    /// The actions, sorted by lowercase name.
    pub actions: Vec<Action>,
    /// The resource types.
    pub resource_types: Vec<ResourceType>,
    /// The condition keys: the service's own table first, then keys that only its actions
    /// list (global keys such as `aws:RequestTag/${TagKey}`).
    pub condition_keys: Vec<ConditionKey>,
    /// How many of [`Service::condition_keys`] are the service's own table.
    own_keys: usize,
}

impl Service {
    /// The action named `name` (any case).
    pub fn action(&self, name: &str) -> Option<&Action> {
        self.action_index(name).and_then(|i| self.actions.get(i))
    }

    /// The index of the action named `name` (any case).
    pub fn action_index(&self, name: &str) -> Option<usize> {
        let lower = name.to_ascii_lowercase();
        self.actions
            .binary_search_by(|a| (*a.lower).cmp(lower.as_str()))
            .ok()
    }

    /// The actions whose lowercase name matches `glob`, with their indices.
    pub fn actions_matching<'s, 'g>(
        &'s self,
        glob: &'g Glob,
    ) -> impl Iterator<Item = (usize, &'s Action)> + use<'s, 'g> {
        self.actions
            .iter()
            .enumerate()
            .filter(move |(_, a)| glob.matches(&a.lower))
    }

    /// The service's own condition key `key` (any case; templates match their instances).
    pub fn condition_key(&self, key: &str) -> Option<&ConditionKey> {
        let lower = key.to_ascii_lowercase();
        self.condition_keys
            .get(..self.own_keys)
            .unwrap_or_default()
            .iter()
            .find(|k| k.matches(&lower))
    }

    /// The condition keys that `action` supports.
    pub fn action_condition_keys<'s>(
        &'s self,
        action: &'s Action,
    ) -> impl Iterator<Item = &'s ConditionKey> + 's {
        action
            .condition_keys
            .iter()
            .filter_map(|&i| self.condition_keys.get(i as usize))
    }

    /// The resource types `action` works on, with the reference's "required" mark.
    pub fn action_resource_types<'s>(
        &'s self,
        action: &'s Action,
    ) -> impl Iterator<Item = (&'s ResourceType, bool)> + 's {
        action.resources.iter().filter_map(|r| {
            self.resource_types
                .get(r.resource_type as usize)
                .map(|t| (t, r.required))
        })
    }

    /// Names of actions near the misspelt `name`, best first (at most `n`).
    pub fn suggest_actions(&self, name: &str, n: usize) -> Vec<&str> {
        nearest_names(name, self.actions.iter().map(|a| &*a.name), n)
    }
}

/// A stable number for an action: its service's index in the catalog and its own index in
/// the service. Sorting ids groups actions by service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActionId {
    /// Index of the service in [`Catalog::service_prefixes`] order.
    pub service: u32,
    /// Index of the action in [`Service::actions`].
    pub action: u32,
}

/// An action together with its service.
#[derive(Debug, Clone, Copy)]
pub struct ActionRef<'c> {
    /// The service.
    pub service: &'c Service,
    /// The action.
    pub action: &'c Action,
    /// Its id.
    pub id: ActionId,
}

impl std::fmt::Display for ActionRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.service.prefix, self.action.name)
    }
}

/// What the catalog knows about a condition key written in a policy.
#[derive(Debug, Clone, Copy)]
pub enum KeyLookup<'c> {
    /// A global `aws:` key.
    Global(&'c ConditionKey),
    /// A key of the service named by the key's prefix.
    Service(&'c Service, &'c ConditionKey),
    /// A key whose prefix is not a service, listed by a service (`saml:aud`,
    /// `accounts.google.com:sub`, … are keys of `sts`).
    Foreign(&'c Service, &'c ConditionKey),
    /// An `aws:` key that is not a global key.
    UnknownGlobal,
    /// The prefix is a service, but the service has no such key.
    UnknownInService(&'c Service),
    /// The prefix is neither `aws` nor a service, and no service lists the key.
    UnknownPrefix,
    /// No `prefix:name` shape.
    BadFormat,
}

/// Where the catalog data came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Source {
    /// The package the data was taken from.
    #[serde(default)]
    pub package: String,
    /// Its version.
    #[serde(default)]
    pub version: String,
    /// The package's licence.
    #[serde(default)]
    pub license: String,
    /// When the asset was generated.
    #[serde(default)]
    pub generated: String,
}

/// A service as found by the skim: its prefix and where its JSON is, parsed on demand.
#[derive(Debug)]
struct Slot {
    prefix: Box<str>,
    range: Range<usize>,
    parsed: OnceLock<Result<Service, CatalogError>>,
}

/// The loaded catalog.
#[derive(Debug)]
pub struct Catalog {
    text: Cow<'static, str>,
    source: Source,
    /// Sorted by prefix (the asset's keys are sorted and lowercase; sorted again to be sure).
    slots: Vec<Slot>,
    /// Sorted by lowercase name.
    globals: Vec<ConditionKey>,
    /// Keys whose prefix is not a service, with the index of the service that lists them;
    /// built on first need.
    foreign: OnceLock<Vec<(u32, ConditionKey)>>,
}

static CATALOG: OnceLock<Result<Catalog, CatalogError>> = OnceLock::new();

impl Catalog {
    /// The bundled catalog, loaded on first call and kept for the life of the process.
    pub fn get() -> Result<&'static Catalog, CatalogError> {
        CATALOG
            .get_or_init(Catalog::load)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Loads the bundled catalog afresh (skim only; services are parsed on demand).
    /// Use [`Catalog::get`]; this exists to measure a cold load.
    pub fn load() -> Result<Catalog, CatalogError> {
        Catalog::from_text(Cow::Borrowed(CATALOG_JSON), true)
    }

    /// Reads a catalog from its JSON text (the shape in `assets/README.md`).
    pub fn from_json(text: String) -> Result<Catalog, CatalogError> {
        Catalog::from_text(Cow::Owned(text), false)
    }

    /// `bundled`: the text is [`CATALOG_JSON`], whose members are already indexed.
    fn from_text(text: Cow<'static, str>, bundled: bool) -> Result<Catalog, CatalogError> {
        let fmt =
            |what: &str, e: &dyn std::fmt::Display| CatalogError::Format(format!("{what}: {e}"));
        let top = if bundled {
            from_index(index::TOP)
        } else {
            skim(&text, 0..text.len()).map_err(|e| fmt("top level", &e))?
        };
        let mut slots = Vec::new();
        let mut globals = Vec::new();
        let mut source = Source::default();
        for (key, value) in &top {
            let raw = text.get(value.clone()).unwrap_or_default();
            match &**key {
                "services" => {
                    let members = if bundled {
                        from_index(index::SERVICES)
                    } else {
                        skim(&text, value.clone()).map_err(|e| fmt("`services`", &e))?
                    };
                    slots = members
                        .into_iter()
                        .map(|(key, range)| Slot {
                            prefix: key.to_ascii_lowercase().into(),
                            range,
                            parsed: OnceLock::new(),
                        })
                        .collect();
                }
                "global_condition_keys" => {
                    let map: MapVec<JStr, RawKeyType> = serde_json::from_str(raw)
                        .map_err(|e| fmt("`global_condition_keys`", &e))?;
                    globals = map
                        .0
                        .into_iter()
                        .map(|(k, v)| {
                            let (ty, multi) = KeyType::parse(&v.ty.0);
                            ConditionKey::new(&k.0, ty, v.multivalued.unwrap_or(multi))
                        })
                        .collect();
                }
                "source" => {
                    source = serde_json::from_str(raw).map_err(|e| fmt("`source`", &e))?;
                }
                _ => {}
            }
        }
        if slots.is_empty() {
            return Err(CatalogError::Format("no `services`".into()));
        }
        slots.sort_by(|a, b| a.prefix.cmp(&b.prefix));
        globals.sort_by(|a, b| {
            a.name
                .to_ascii_lowercase()
                .cmp(&b.name.to_ascii_lowercase())
        });
        Ok(Catalog {
            text,
            source,
            slots,
            globals,
            foreign: OnceLock::new(),
        })
    }

    /// Where the data came from.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// Every service prefix, sorted.
    pub fn service_prefixes(&self) -> impl Iterator<Item = &str> {
        self.slots.iter().map(|s| &*s.prefix)
    }

    /// The prefix of the service at `index`.
    pub fn service_prefix(&self, index: usize) -> Option<&str> {
        self.slots.get(index).map(|s| &*s.prefix)
    }

    /// How many services there are.
    pub fn service_count(&self) -> usize {
        self.slots.len()
    }

    /// The index of the service with this prefix (any case).
    pub fn service_index(&self, prefix: &str) -> Option<usize> {
        let lower = prefix.to_ascii_lowercase();
        self.slots
            .binary_search_by(|s| (*s.prefix).cmp(lower.as_str()))
            .ok()
    }

    /// The service at `index`, parsed on first use. `None` when out of range or when its
    /// data does not parse (which [`Catalog::check_all`] reports).
    pub fn service_at(&self, index: usize) -> Option<&Service> {
        let slot = self.slots.get(index)?;
        slot.parsed
            .get_or_init(|| {
                let raw = self.text.get(slot.range.clone()).unwrap_or_default();
                parse_service(&slot.prefix, raw, &self.globals)
            })
            .as_ref()
            .ok()
    }

    /// The service with this prefix (any case).
    pub fn service(&self, prefix: &str) -> Option<&Service> {
        self.service_index(prefix).and_then(|i| self.service_at(i))
    }

    /// The indices of the services whose prefix matches `glob` (lowercase).
    pub fn services_matching<'s, 'g>(
        &'s self,
        glob: &'g Glob,
    ) -> impl Iterator<Item = usize> + use<'s, 'g> {
        let exact = match glob {
            Glob::Exact(p) => Some(self.service_index(p)),
            _ => None,
        };
        let all = exact.is_none();
        exact.flatten().into_iter().chain(
            self.slots
                .iter()
                .enumerate()
                .filter(move |(_, s)| all && glob.matches(&s.prefix))
                .map(|(i, _)| i),
        )
    }

    /// The action `service:Name` (any case).
    pub fn action(&self, full: &str) -> Option<ActionRef<'_>> {
        let (svc, name) = full.split_once(':')?;
        let si = self.service_index(svc)?;
        let service = self.service_at(si)?;
        let ai = service.action_index(name)?;
        Some(ActionRef {
            service,
            action: service.actions.get(ai)?,
            id: ActionId {
                service: si as u32,
                action: ai as u32,
            },
        })
    }

    /// The action with this id.
    pub fn action_by_id(&self, id: ActionId) -> Option<ActionRef<'_>> {
        let service = self.service_at(id.service as usize)?;
        Some(ActionRef {
            service,
            action: service.actions.get(id.action as usize)?,
            id,
        })
    }

    /// The access level of `service:Name`.
    pub fn access_level(&self, full: &str) -> Option<AccessLevel> {
        self.action(full).map(|a| a.action.access)
    }

    /// Every real action that the policy action pattern `pattern` (`s3:Get*`, `*`,
    /// `ec2:*Instances`) matches, in catalog order.
    pub fn expand(&self, pattern: &str) -> Vec<ActionRef<'_>> {
        match crate::policy::parse::compile_action(pattern) {
            Some((svc, name)) => self.expand_globs(&svc, &name),
            None => Vec::new(),
        }
    }

    /// As [`Catalog::expand`], for an already compiled (lowercase) pattern.
    pub fn expand_globs<'c>(&'c self, service: &Glob, name: &Glob) -> Vec<ActionRef<'c>> {
        let mut out = Vec::new();
        for si in self.services_matching(service) {
            let Some(svc) = self.service_at(si) else {
                continue;
            };
            for (ai, a) in svc.actions_matching(name) {
                out.push(ActionRef {
                    service: svc,
                    action: a,
                    id: ActionId {
                        service: si as u32,
                        action: ai as u32,
                    },
                });
            }
        }
        out
    }

    /// Service prefixes near the misspelt `prefix`, best first (at most `n`).
    pub fn suggest_services(&self, prefix: &str, n: usize) -> Vec<&str> {
        nearest_names(prefix, self.service_prefixes(), n)
    }

    /// Real actions near the misspelt `service:Name`, best first (at most `n`): names in the
    /// same service, or the same name under a service prefix near the written one.
    pub fn suggest_actions(&self, full: &str, n: usize) -> Vec<String> {
        let Some((svc, name)) = full.split_once(':') else {
            return Vec::new();
        };
        if let Some(service) = self.service(svc) {
            return service
                .suggest_actions(name, n)
                .into_iter()
                .map(|a| format!("{}:{a}", service.prefix))
                .collect();
        }
        let mut out = Vec::new();
        for p in self.suggest_services(svc, n) {
            if let Some(s) = self.service(p) {
                if let Some(a) = s.action(name) {
                    out.push(format!("{}:{}", s.prefix, a.name));
                } else if let Some(a) = s.suggest_actions(name, 1).first() {
                    out.push(format!("{}:{a}", s.prefix));
                }
            }
        }
        out.truncate(n);
        out
    }

    /// The global condition key `key` (any case; templates such as
    /// `aws:PrincipalTag/${TagKey}` match their instances).
    pub fn global_condition_key(&self, key: &str) -> Option<&ConditionKey> {
        let lower = key.to_ascii_lowercase();
        if let Ok(i) = self
            .globals
            .binary_search_by(|k| k.name.to_ascii_lowercase().cmp(&lower))
        {
            return self.globals.get(i);
        }
        self.globals
            .iter()
            .find(|k| k.is_template() && k.matches(&lower))
    }

    /// The global condition keys.
    pub fn global_condition_keys(&self) -> &[ConditionKey] {
        &self.globals
    }

    /// Looks up a condition key as written in a policy.
    pub fn condition_key(&self, key: &str) -> KeyLookup<'_> {
        let Some((prefix, rest)) = key.split_once(':') else {
            return KeyLookup::BadFormat;
        };
        if prefix.is_empty() || rest.is_empty() {
            return KeyLookup::BadFormat;
        }
        if prefix.eq_ignore_ascii_case("aws") {
            return match self.global_condition_key(key) {
                Some(k) => KeyLookup::Global(k),
                None => KeyLookup::UnknownGlobal,
            };
        }
        if let Some(service) = self.service(prefix) {
            return match service.condition_key(key) {
                Some(k) => KeyLookup::Service(service, k),
                None => KeyLookup::UnknownInService(service),
            };
        }
        let lower = key.to_ascii_lowercase();
        for (si, k) in self.foreign_keys() {
            if k.matches(&lower)
                && let Some(s) = self.service_at(*si as usize)
            {
                return KeyLookup::Foreign(s, k);
            }
        }
        // An OpenID Connect provider's keys are named after the provider's URL
        // (`token.actions.githubusercontent.com:sub`); the reference lists a few providers, and
        // the same claim of any other provider has the same type.
        if prefix.contains('.') {
            let claim = format!(":{}", rest.to_ascii_lowercase());
            for (si, k) in self.foreign_keys() {
                let name = k.name.to_ascii_lowercase();
                if name.ends_with(&claim)
                    && name.split(':').next().is_some_and(|p| p.contains('.'))
                    && let Some(s) = self.service_at(*si as usize)
                {
                    return KeyLookup::Foreign(s, k);
                }
            }
        }
        KeyLookup::UnknownPrefix
    }

    /// Keys whose prefix is not a service prefix (federation keys such as `saml:aud`), found
    /// by reading only the `condition_keys` table of every service.
    fn foreign_keys(&self) -> &[(u32, ConditionKey)] {
        self.foreign.get_or_init(|| {
            let mut out = Vec::new();
            for (si, slot) in self.slots.iter().enumerate() {
                let Ok(members) = scan::members(&self.text, slot.range.clone()) else {
                    continue;
                };
                let Some(m) = members.iter().find(|m| m.key == "condition_keys") else {
                    continue;
                };
                let raw = self.text.get(m.value.clone()).unwrap_or_default();
                let Ok(map) = serde_json::from_str::<MapVec<JStr, RawKeyType>>(raw) else {
                    continue;
                };
                for (k, v) in map.0 {
                    let prefix = k.0.split(':').next().unwrap_or_default();
                    if prefix.eq_ignore_ascii_case("aws") || self.service_index(prefix).is_some() {
                        continue;
                    }
                    let (ty, multi) = KeyType::parse(&v.ty.0);
                    out.push((si as u32, ConditionKey::new(&k.0, ty, multi)));
                }
            }
            out
        })
    }

    /// Parses every service, reporting the first that does not parse; returns the number of
    /// actions. Tests call this so that lazy parsing never hides a broken asset.
    pub fn check_all(&self) -> Result<usize, CatalogError> {
        let mut n = 0;
        for slot in &self.slots {
            let r = slot.parsed.get_or_init(|| {
                let raw = self.text.get(slot.range.clone()).unwrap_or_default();
                parse_service(&slot.prefix, raw, &self.globals)
            });
            match r {
                Ok(s) => n += s.actions.len(),
                Err(e) => return Err(e.clone()),
            }
        }
        Ok(n)
    }
}

/// Up to `n` candidates near `word`: ranked by edit distance (ignoring case), then by
/// Jaro-Winkler similarity; only those a typo away (the best distance, or one more) and
/// similar enough to be likely meant are kept.
pub fn nearest_names<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let w = word.to_ascii_lowercase();
    let len = w.chars().count();
    let near = 2.max(len / 4);
    let bag = Bag::of(&w);
    // One buffer for the lowercased candidates, and the edit distance only for those that
    // pass the cheaper similarity test: both must hold. Before either, two lower bounds of
    // the edit distance rule out most candidates without computing it: an edit changes the
    // length by at most one, and adds or removes at most one character of each kind.
    let mut lc = String::new();
    let mut scored: Vec<(usize, f64, &'a str)> = candidates
        .filter_map(|c| {
            if c.chars().count().abs_diff(len) > near {
                return None;
            }
            lc.clear();
            lc.extend(c.chars().map(|ch| ch.to_ascii_lowercase()));
            if let (Some(a), Some(b)) = (&bag, Bag::of(&lc))
                && a.distance(&b) > near
            {
                return None;
            }
            let jw = strsim::jaro_winkler(&w, &lc);
            if jw < 0.82 {
                return None;
            }
            let d = strsim::osa_distance(&w, &lc);
            (d <= near).then_some((d, jw, c))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(b.2)));
    let best = scored.first().map(|s| s.0).unwrap_or(0);
    scored
        .into_iter()
        .filter(|s| s.0 <= best + 1)
        .take(n)
        .map(|s| s.2)
        .collect()
}

/// How many of each ASCII character a word holds.
struct Bag([u16; 128]);

impl Bag {
    /// The bag of an ASCII word; none for other text.
    fn of(word: &str) -> Option<Bag> {
        let mut n = [0u16; 128];
        for b in word.bytes() {
            let slot = n.get_mut(usize::from(b))?;
            *slot = slot.saturating_add(1);
        }
        Some(Bag(n))
    }

    /// The larger of the characters one has more of than the other, counted both ways: at
    /// most the number of insertions, deletions, substitutions and transpositions between the
    /// two words, since each of them changes either count by one at most.
    fn distance(&self, other: &Bag) -> usize {
        let (mut more, mut fewer) = (0usize, 0usize);
        for (a, b) in self.0.iter().zip(&other.0) {
            if a > b {
                more += usize::from(a - b);
            } else {
                fewer += usize::from(b - a);
            }
        }
        more.max(fewer)
    }
}

// ---- the JSON shape (see assets/README.md) ----

/// A string borrowed from the catalog text when it has no escapes.
#[derive(Debug)]
struct JStr<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for JStr<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JStr<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(JStr(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(JStr(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(JStr(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// A JSON object read as its (key, value) pairs in order.
#[derive(Debug)]
struct MapVec<K, V>(Vec<(K, V)>);

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for MapVec<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Vis<K, V> {
            type Value = MapVec<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(kv) = map.next_entry()? {
                    out.push(kv);
                }
                Ok(MapVec(out))
            }
        }
        d.deserialize_map(Vis(std::marker::PhantomData))
    }
}

#[derive(Debug, Deserialize)]
struct RawKeyType<'a> {
    #[serde(rename = "type", borrow)]
    ty: JStr<'a>,
    #[serde(default)]
    multivalued: Option<bool>,
}

#[derive(Debug, Deserialize)]
struct RawService<'a> {
    #[serde(borrow)]
    name: JStr<'a>,
    #[serde(borrow)]
    actions: MapVec<JStr<'a>, RawAction<'a>>,
    #[serde(borrow)]
    resources: MapVec<JStr<'a>, RawResource<'a>>,
    #[serde(borrow)]
    condition_keys: MapVec<JStr<'a>, RawKeyType<'a>>,
}

#[derive(Debug, Deserialize)]
struct RawAction<'a> {
    access: AccessLevel,
    #[serde(borrow, default)]
    resources: Vec<RawActionResource<'a>>,
    #[serde(borrow, default)]
    condition_keys: Vec<JStr<'a>>,
    #[serde(borrow, default)]
    dependent_actions: Vec<JStr<'a>>,
}

#[derive(Debug, Deserialize)]
struct RawActionResource<'a> {
    #[serde(rename = "type", borrow)]
    ty: JStr<'a>,
    #[serde(default)]
    required: bool,
}

#[derive(Debug, Deserialize)]
struct RawResource<'a> {
    #[serde(borrow)]
    arn: JStr<'a>,
}

fn parse_service(
    prefix: &str,
    raw: &str,
    globals: &[ConditionKey],
) -> Result<Service, CatalogError> {
    let r: RawService = serde_json::from_str(raw)
        .map_err(|e| CatalogError::Format(format!("service `{prefix}`: {e}")))?;
    let resource_types: Vec<ResourceType> = r
        .resources
        .0
        .iter()
        .map(|(name, res)| ResourceType {
            name: (*name.0).into(),
            arn: (*res.arn.0).into(),
            templates: res.arn.0.split(", ").map(ArnTemplate::new).collect(),
        })
        .collect();
    let mut condition_keys: Vec<ConditionKey> = r
        .condition_keys
        .0
        .iter()
        .map(|(k, v)| {
            let (ty, multi) = KeyType::parse(&v.ty.0);
            ConditionKey::new(&k.0, ty, v.multivalued.unwrap_or(multi))
        })
        .collect();
    let own_keys = condition_keys.len();
    let mut key_index: std::collections::HashMap<&str, u16> = r
        .condition_keys
        .0
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (&*k.0, i as u16))
        .collect();
    let mut actions = Vec::with_capacity(r.actions.0.len());
    for (name, a) in &r.actions.0 {
        let mut keys = Vec::with_capacity(a.condition_keys.len());
        for k in &a.condition_keys {
            let idx = match key_index.get(&*k.0) {
                Some(&i) => i,
                None => {
                    // A key listed by the action but not in the service's table: a global key.
                    let lower = k.0.to_ascii_lowercase();
                    let def = globals
                        .iter()
                        .find(|g| g.matches(&lower) || *g.name == *k.0)
                        .map(|g| (g.key_type, g.multivalued))
                        .unwrap_or((KeyType::String, false));
                    condition_keys.push(ConditionKey::new(&k.0, def.0, def.1));
                    let i = (condition_keys.len() - 1) as u16;
                    key_index.insert(&k.0, i);
                    i
                }
            };
            keys.push(idx);
        }
        let mut resources = Vec::with_capacity(a.resources.len());
        for res in &a.resources {
            let Some(i) = resource_types.iter().position(|t| *t.name == *res.ty.0) else {
                return Err(CatalogError::Format(format!(
                    "service `{prefix}`: action `{}` names the unknown resource type `{}`",
                    name.0, res.ty.0
                )));
            };
            resources.push(ActionResource {
                resource_type: i as u16,
                required: res.required,
            });
        }
        actions.push(Action {
            name: (*name.0).into(),
            lower: name.0.to_ascii_lowercase().into(),
            access: a.access,
            resources,
            condition_keys: keys,
            dependent_actions: a.dependent_actions.iter().map(|d| (*d.0).into()).collect(),
        });
    }
    actions.sort_by(|a, b| a.lower.cmp(&b.lower));
    Ok(Service {
        prefix: prefix.into(),
        name: (*r.name.0).into(),
        actions,
        resource_types,
        condition_keys,
        own_keys,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templated_keys_match_their_instances() {
        let k = ConditionKey::new("aws:PrincipalTag/${TagKey}", KeyType::String, false);
        assert!(k.matches("aws:principaltag/team"));
        assert!(!k.matches("aws:principaltag/"));
        let k = ConditionKey::new("s3:ExistingObjectTag/<key>", KeyType::String, false);
        assert!(k.matches("s3:existingobjecttag/classification"));
        let k = ConditionKey::new("glacier:ResourceTag/", KeyType::String, false);
        assert!(k.matches("glacier:resourcetag/x"));
        let k = ConditionKey::new("aws:SourceIp", KeyType::IpAddress, false);
        assert!(k.matches("aws:sourceip") && !k.is_template());
    }

    #[test]
    fn key_types_parse() {
        assert_eq!(KeyType::parse("ArrayOfARN"), (KeyType::Arn, true));
        assert_eq!(KeyType::parse("IPAddress"), (KeyType::IpAddress, false));
        assert_eq!(KeyType::parse("Whatever"), (KeyType::Other, false));
    }

    #[test]
    fn suggestions_prefer_the_smallest_edit() {
        let names = ["GetObject", "GetObjectAcl", "PutObject", "GetObjectTagging"];
        assert_eq!(
            nearest_names("GetObjet", names.into_iter(), 3),
            vec!["GetObject"]
        );
        assert!(nearest_names("Zzzzzz", names.into_iter(), 3).is_empty());
    }

    /// The old way, every candidate scored: the filters before the scores only skip
    /// candidates that would fail anyway.
    fn nearest_by_scoring_all<'a>(word: &str, names: &[&'a str], n: usize) -> Vec<&'a str> {
        let w = word.to_ascii_lowercase();
        let near = 2.max(w.chars().count() / 4);
        let mut scored: Vec<(usize, f64, &'a str)> = names
            .iter()
            .filter_map(|c| {
                let lc = c.to_ascii_lowercase();
                let jw = strsim::jaro_winkler(&w, &lc);
                let d = strsim::osa_distance(&w, &lc);
                (jw >= 0.82 && d <= near).then_some((d, jw, *c))
            })
            .collect();
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(b.2)));
        let best = scored.first().map(|s| s.0).unwrap_or(0);
        scored
            .into_iter()
            .filter(|s| s.0 <= best + 1)
            .take(n)
            .map(|s| s.2)
            .collect()
    }

    #[test]
    fn filtered_suggestions_are_the_fully_scored_ones() {
        let catalog = Catalog::get().unwrap();
        for svc in ["s3", "ec2", "iam", "lambda"] {
            let service = catalog.service(svc).unwrap();
            let names: Vec<&str> = service.actions.iter().map(|a| &*a.name).collect();
            let words = [
                "GetObjet",
                "ListBuckts",
                "PutWidget12",
                "DescribeInstanses",
                "Get",
                "CreateRole",
                "AttachRolePolicy",
                "TagWidget1601",
                "InvokeFunctoin",
                "x",
                "ÉtatGetObject",
                "getbucketpolicyy",
                "DeleteAccessKey2",
            ];
            for w in words {
                assert_eq!(
                    nearest_names(w, names.iter().copied(), 3),
                    nearest_by_scoring_all(w, &names, 3),
                    "{svc}: {w}"
                );
            }
        }
    }
}
