//! The bundled data in `assets/` is usable as is.

#[test]
fn every_bundled_managed_policy_parses() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/managed-policies");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("assets/managed-policies") {
        let path = entry.expect("dir entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        let v: serde_json::Value = serde_json::from_str(&text).expect("asset is JSON");
        let doc = serde_json::to_string_pretty(&v["Document"]).expect("document");
        // AWS managed policies are not bound by the customer-managed size quota.
        let p = iamdojo::policy::Policy::parse(&doc, iamdojo::policy::PolicyType::Identity);
        assert!(p.is_ok(), "{}: {:?}", path.display(), p.err());
        n += 1;
    }
    assert!(n >= 10, "only {n} managed policies bundled");
}
