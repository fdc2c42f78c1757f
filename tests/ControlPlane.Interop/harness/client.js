'use strict';
// A proxyless gRPC client (@grpc/grpc-js-xds) that calls Echo/Call through an xds:/// channel and reports, as JSON on
// stdout, which backends answered and with which status codes.
//
//   node client.js --xds-server 127.0.0.1:15010 --target echo.interop.svc.cluster.local:7070
//                  [--mode run|watch] [--calls 1000] [--concurrency 10] [--deadline-ms 2000] [--warmup-ms 20000]
//                  [--header x-canary=true ...] [--batch 50] [--interval-ms 0] [--duration-ms 30000]
//                  [--node-id sidecar~127.0.0.1~interop-client.interop~interop.svc.cluster.local] [--namespace interop]
//                  [--hold true] [--warmup-codes OK] [--warmup-deadline-ms <deadline-ms>]
//                  [--measured-header x-delay-ms=500 ...] [--rotate-header x-user=alice,bob,carol] [--stagger-ms 0]
//
// run:   waits for a first successful call (warm-up: xDS name resolution never fails fast, so every call carries a
//        deadline), then makes --calls calls and prints one summary line. With --hold true it then stays connected
//        until stdin closes, so the caller can read the control plane's view of this client before it goes.
//        --warmup-codes lists the status codes that end the warm-up (a route that injects faults may never return
//        OK); --warmup-deadline-ms gives warm-up calls their own deadline (a route that injects delays outlasts short
//        deadlines). --measured-header adds headers to the measured calls only, so a backend asked to misbehave
//        (backend.js: x-delay-ms, x-fail-attempts, x-fail-backend) cannot stall the warm-up. --rotate-header gives
//        measured call i the i-th value (round robin) and tallies the backends per value (byHeader), for stickiness.
//        --stagger-ms starts measured call i no earlier than i * N ms into the run: grpc-js counts a call against the
//        cluster's max_requests only once it has started, so calls picked in one burst would all pass the limit.
// watch: after the warm-up, prints one line per batch of --batch calls until --duration-ms passes or stdin closes,
//        so a test can watch the split change while the control plane's config changes.
// Lines: {"event":"warmup"|"summary"|"batch"|"done"|"error", ...}. Exit code 0 unless the bootstrap or arguments are bad.

const { grpc, loadEcho, parseArgs, exitWithParent } = require('./protocol');

function fail(message, code) {
  process.stdout.write(`${JSON.stringify({ event: 'error', error: message })}\n`);
  process.exit(code);
}

function configureBootstrap(args) {
  const namespace = args.namespace || 'interop';
  const bootstrap = {
    xds_servers: [{ server_uri: args['xds-server'], channel_creds: [{ type: 'insecure' }], server_features: ['xds_v3'] }],
    node: {
      id: args['node-id'] || `sidecar~127.0.0.1~interop-client.${namespace}~${namespace}.svc.cluster.local`,
      cluster: 'interop-client',
      // grpc-js-xds requires a locality; without it every RPC fails with a masked "name resolution failed".
      locality: {},
      metadata: { GENERATOR: 'grpc', NAMESPACE: namespace },
    },
    server_listener_resource_name_template: 'xds.istio.io/grpc/lds/inbound/%s',
  };
  delete process.env.GRPC_XDS_BOOTSTRAP;
  process.env.GRPC_XDS_BOOTSTRAP_CONFIG = JSON.stringify(bootstrap);
  // Validate now: the xDS resolver would otherwise hide a bootstrap error behind UNAVAILABLE on every call.
  require('@grpc/grpc-js-xds/build/src/xds-bootstrap').loadBootstrapInfo();
  require('@grpc/grpc-js-xds').register();
}

function metadataFrom(headers) {
  const metadata = new grpc.Metadata();
  for (const header of headers || []) {
    const eq = header.indexOf('=');
    if (eq <= 0) {
      fail(`--header '${header}' is not name=value`, 2);
    }
    metadata.add(header.slice(0, eq), header.slice(eq + 1));
  }
  return metadata;
}

function newTally() {
  return { calls: 0, succeeded: 0, backends: {}, versions: {}, statuses: {}, serverAttempts: {}, byHeader: {}, errors: [] };
}

const increment = (counts, key) => { counts[key] = (counts[key] || 0) + 1; };

function record(tally, result) {
  tally.calls += 1;
  increment(tally.statuses, result.code);
  if (result.code === 'OK') {
    tally.succeeded += 1;
    increment(tally.backends, result.backend);
    increment(tally.versions, result.version);
    // The attempt the backend saw: above 1 only when the client retried.
    increment(tally.serverAttempts, result.attempt);
    if (result.rotated !== undefined) {
      increment(tally.byHeader[result.rotated] = tally.byHeader[result.rotated] || {}, result.backend);
    }
  } else {
    // Deadline messages carry timings ("after 0.501s"); drop them so repeats of one error collapse.
    const message = result.message.replace(/\d+\.\d+s/g, 'Ns');
    if (tally.errors.length < 5 && !tally.errors.includes(message)) {
      tally.errors.push(message);
    }
  }
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// `--rotate-header name=a,b,c`: call i carries the (i mod 3)-th value.
function rotationFrom(spec) {
  if (!spec) {
    return null;
  }
  const eq = spec.indexOf('=');
  if (eq <= 0) {
    fail(`--rotate-header '${spec}' is not name=value,value,...`, 2);
  }
  return { name: spec.slice(0, eq), values: spec.slice(eq + 1).split(',') };
}

// metadataFor(i) gives call i its metadata and, when headers rotate, the value it carries.
function makeCaller(client, metadataFor, deadlineMs) {
  return (index) => new Promise((resolve) => {
    const { metadata, rotated } = metadataFor(index);
    client.Call({ message: 'interop' }, metadata, { deadline: Date.now() + deadlineMs }, (error, reply) => {
      if (error) {
        resolve({ code: grpc.status[error.code] || String(error.code), message: `${grpc.status[error.code]}: ${error.details}` });
      } else {
        resolve({ code: 'OK', backend: reply.backend, version: reply.version, attempt: reply.attempt, rotated });
      }
    });
  });
}

async function runCalls(call, count, concurrency, staggerMs = 0) {
  const tally = newTally();
  const runStart = Date.now();
  let started = 0;
  const worker = async () => {
    while (started < count) {
      const index = started;
      started += 1;
      const wait = runStart + index * staggerMs - Date.now();
      if (wait > 0) {
        await sleep(wait);
      }
      record(tally, await call(index));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return tally;
}

async function warmUp(call, warmupMs, endCodes) {
  const started = Date.now();
  const tally = newTally();
  while (Date.now() - started < warmupMs) {
    const result = await call(tally.calls);
    record(tally, result);
    if (endCodes.includes(result.code)) {
      return { ok: true, ms: Date.now() - started, attempts: tally.calls };
    }
    await sleep(100);
  }
  return { ok: false, ms: Date.now() - started, attempts: tally.calls, statuses: tally.statuses, errors: tally.errors };
}

function emit(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function watch(call, args, concurrency) {
  const batch = Number(args.batch || 50);
  const interval = Number(args['interval-ms'] || 0);
  const duration = Number(args['duration-ms'] || 30000);
  const started = Date.now();
  let stopped = false;
  exitWithParent(() => { stopped = true; });
  for (let index = 0; !stopped && Date.now() - started < duration; index += 1) {
    const tally = await runCalls(call, batch, concurrency);
    emit({ event: 'batch', batch: index, tMs: Date.now() - started, ...tally });
    if (interval > 0) {
      await sleep(interval);
    }
  }
  emit({ event: 'done', tMs: Date.now() - started });
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), ['header', 'measured-header']);
  } catch (error) {
    fail(error.message, 2);
  }
  if (!args['xds-server'] || !args.target) {
    fail('--xds-server and --target are required', 2);
  }
  try {
    configureBootstrap(args);
  } catch (error) {
    fail(`bootstrap: ${error.message}`, 3);
  }

  const Echo = loadEcho();
  const client = new Echo(`xds:///${args.target}`, grpc.credentials.createInsecure());
  const concurrency = Number(args.concurrency || 10);
  const headers = args.header || [];
  const warmupMetadata = metadataFrom(headers);
  const rotation = rotationFrom(args['rotate-header']);
  const measuredMetadata = (index) => {
    const metadata = metadataFrom([...headers, ...(args['measured-header'] || [])]);
    if (!rotation) {
      return { metadata };
    }
    const rotated = rotation.values[index % rotation.values.length];
    metadata.set(rotation.name, rotated);
    return { metadata, rotated };
  };
  const deadlineMs = Number(args['deadline-ms'] || 2000);
  const call = makeCaller(client, measuredMetadata, deadlineMs);
  const warmupCall = makeCaller(client, () => ({ metadata: warmupMetadata }), Number(args['warmup-deadline-ms'] || deadlineMs));
  const warmupCodes = (args['warmup-codes'] || 'OK').split(',');

  const warm = await warmUp(warmupCall, Number(args['warmup-ms'] || 20000), warmupCodes);
  emit({ event: 'warmup', target: args.target, ...warm });
  if (warm.ok) {
    if ((args.mode || 'run') === 'watch') {
      await watch(call, args, concurrency);
    } else {
      const started = Date.now();
      const tally = await runCalls(call, Number(args.calls || 100), concurrency, Number(args['stagger-ms'] || 0));
      emit({ event: 'summary', target: args.target, elapsedMs: Date.now() - started, ...tally });
    }
  }
  if (args.hold === 'true' && (args.mode || 'run') === 'run') {
    await new Promise((resolve) => { exitWithParent(resolve); });
  }
  client.close();
  process.exit(0);
}

main().catch((error) => fail(`unexpected: ${error.stack || error}`, 1));
