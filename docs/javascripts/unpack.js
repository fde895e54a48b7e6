// The runtime's biggest files are served zstd-compressed, under their name plus one more
// extension (build_hooks/packing.py says why, and what it saves). servePacked() makes the
// worker's fetch answer a request for such a file with the file unpacked, so Pyodide and
// the worker ask for their files by the usual names.
//
// What is unpacked is kept in Cache Storage, for as long as the deploy that made it: a
// repeat visit then neither unpacks nor recompiles. Chromium keeps a wasm module's
// compiled code only beside a response it can find again (HTTP cache, Cache Storage), and
// a response made here has no such home: without the kept copy, a repeat visit's first
// answer came 0.38 s later (measured 2026-12-06, fine-tuning page).
//
// The decoder is zstd's own, compiled to WebAssembly (npm's zstddec; the build writes its
// binary out, with its licences beside it: build_hooks/runtime.py). Here it has the runtime
// unpacked 56-80 ms after the last packed byte; fzstd, a decoder written in JavaScript,
// took 150-190 ms (2026-12-06).

const CACHE = "calculators-unpacked";
const DECODER = new URL("./zstd-decoder.wasm", import.meta.url).href;
const TYPES = { wasm: "application/wasm" }; // instantiateStreaming() insists on its type

// packedUrls: absolute URLs of the packed files, as served.
export function servePacked(packedUrls) {
  const packedFor = new Map(packedUrls.map((url) => [url.slice(0, url.lastIndexOf(".")), url]));
  const plainFetch = self.fetch.bind(self);
  self.fetch = (resource, options) => {
    const url = new URL(resource instanceof Request ? resource.url : resource, self.location.href).href;
    return packedFor.has(url) ? unpacked(url, packedFor.get(url), plainFetch) : plainFetch(resource, options);
  };
  forgetOtherDeploys(new Set(packedFor.keys())).catch(() => {});
}

async function unpacked(url, packedUrl, plainFetch) {
  const cache = await openCache();
  const kept = await cache?.match(url);
  if (kept) return kept;
  const response = await plainFetch(packedUrl);
  if (!response.ok) return response; // the caller reports it, as for any failed download
  const type = TYPES[url.split(".").pop()] || "application/octet-stream";
  const headers = { "Content-Type": type };
  if (!cache) return new Response(decoded(response.body, plainFetch), { headers });
  const [mine, toKeep] = decoded(response.body, plainFetch).tee();
  // Not awaited: the answer does not wait for the disk. A stream that fails is not kept.
  cache.put(url, new Response(toKeep, { headers })).catch(() => {});
  return new Response(mine, { headers });
}

// The body unpacked as it arrives: on a slow connection the runtime compiles while it downloads.
function decoded(body, plainFetch) {
  const reader = body.getReader();
  return new ReadableStream({
    async start(controller) {
      let stream = null;
      try {
        stream = new ZstdStream(await decoder(plainFetch));
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          stream.push(value, (chunk) => controller.enqueue(chunk));
        }
        stream.end(); // throws if the file ended early
        controller.close();
      } catch (error) {
        controller.error(error);
      } finally {
        stream?.free();
      }
    },
  });
}

let decoderExports = null;

function decoder(plainFetch) {
  decoderExports ??= plainFetch(DECODER)
    .then((response) => {
      if (!response.ok) throw new Error(`the decoder: HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    // zstd asks to be told when its memory grows; the views below are made afresh each time.
    .then((bytes) => WebAssembly.instantiate(bytes, { env: { emscripten_notify_memory_growth() {} } }))
    .then(({ instance }) => instance.exports);
  decoderExports.catch(() => {
    decoderExports = null; // the next file tries again
  });
  return decoderExports;
}

// One zstd decompression stream (ZSTD_decompressStream), fed chunk by chunk. The C side
// takes two {pointer, size, position} structs of 32-bit fields: where to read, where to write.
class ZstdStream {
  constructor(zstd) {
    this.zstd = zstd;
    this.context = zstd.ZSTD_createDCtx();
    this.outSize = zstd.ZSTD_DStreamOutSize();
    this.out = zstd.malloc(this.outSize);
    this.buffers = zstd.malloc(24); // input struct, then output struct
    this.pending = 0; // ZSTD_decompressStream's last hint: 0 once a frame is complete and flushed
  }

  push(bytes, emit) {
    const { zstd } = this;
    const input = zstd.malloc(Math.max(bytes.length, 1));
    try {
      new Uint8Array(zstd.memory.buffer).set(bytes, input);
      this.setBuffer(0, input, bytes.length);
      let outputFull = false;
      while (this.field(0, 2) < bytes.length || outputFull) {
        this.setBuffer(12, this.out, this.outSize);
        this.pending = zstd.ZSTD_decompressStream(this.context, this.buffers + 12, this.buffers);
        if (this.pending < 0) throw new Error("the packed file is damaged"); // zstd's error codes: (size_t) -n
        const written = this.field(12, 2);
        if (written) emit(new Uint8Array(zstd.memory.buffer, this.out, written).slice());
        outputFull = written === this.outSize;
      }
    } finally {
      zstd.free(input);
    }
  }

  end() {
    if (this.pending !== 0) throw new Error("the packed file ended early");
  }

  free() {
    this.zstd.ZSTD_freeDCtx(this.context);
    this.zstd.free(this.out);
    this.zstd.free(this.buffers);
  }

  setBuffer(offset, pointer, size) {
    const fields = new Uint32Array(this.zstd.memory.buffer, this.buffers + offset, 3);
    fields.set([pointer, size, 0]);
  }

  field(offset, index) {
    return new Uint32Array(this.zstd.memory.buffer, this.buffers + offset, 3)[index];
  }
}

async function openCache() {
  try {
    return await caches.open(CACHE);
  } catch {
    return null; // no Cache Storage (private mode, quota): unpack on every visit
  }
}

async function forgetOtherDeploys(current) {
  const cache = await openCache();
  for (const request of (await cache?.keys()) ?? []) {
    if (!current.has(request.url)) await cache.delete(request);
  }
}
