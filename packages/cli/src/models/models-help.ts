/** `llm-shield models --help`. */
export const MODELS_HELP = `Usage: llm-shield models <subcommand> [options]

Gets, checks and removes the ONNX models of llm-shield's ML scanners in the Hugging Face cache
(the same cache and layout as Python's huggingface_hub: <cache>/models--org--name/{blobs,refs,snapshots}).

Subcommands:
  list [MODEL]                 registry models and what the cache holds of them (variants, commits, size on disk)
  pull MODEL | --all           download and verify a model (registry id or repo id); prints its commit and
                               snapshot folder. --variant fp32|fp16|int8|quantized, --revision COMMIT|BRANCH|TAG,
                               --verify re-hashes what is cached and downloads again what does not match
                               (without it, a cached file counts only when its size is the one verified)
  verify [MODEL]               re-hash every cached file; exit 1 when one is corrupt or missing
  check [MODEL | --all]        is the pinned revision behind the head of its branch on the hub? exit 1 if so
  update [MODEL | --all]       the same; --apply pulls the branch head of the models that are behind
  remove MODEL                 delete that model's cache folder (only <cache>/models--org--name)
  clean [--all]                delete partial downloads (*.incomplete) and stale llm-shield lock files;
                               --all also deletes the folder of every registry model
  path MODEL                   print the snapshot folder of the cached model; exit 1 when it is not cached

Options:
  --cache-dir DIR              cache folder (default: LLM_SHIELD_HUB_CACHE, HF_HUB_CACHE, $HF_HOME/hub,
                               ~/.cache/huggingface/hub)
  --hub-url URL                hub or mirror (default: HF_ENDPOINT, else https://huggingface.co)
  --offline                    use the cache only, never the network (default: HF_HUB_OFFLINE)
  --registry FILE              JSON file of extra registry entries (repeatable); see docs/models.md
  --json                       print JSON on stdout; no progress bar
  --timeout SECONDS            pull / check / update: how long a hub request waits for its answer, and a
                               download for its next bytes, before it is retried or resumed (default:
                               HF_HUB_ETAG_TIMEOUT and HF_HUB_DOWNLOAD_TIMEOUT, 10 s each)
  --force                      remove / clean: also while a download lock looks alive, and recent partials
  -h, --help                   this help

Environment: HF_TOKEN (gated or private repos; else the token file of huggingface-cli login), HF_ENDPOINT,
HF_HUB_OFFLINE, HF_HOME, HF_HUB_CACHE, LLM_SHIELD_HUB_CACHE, HF_HUB_ETAG_TIMEOUT, HF_HUB_DOWNLOAD_TIMEOUT (seconds).

Examples:
  llm-shield models pull --all --variant quantized
  llm-shield models pull protectai/deberta-v3-base-prompt-injection-v2
  HF_HUB_OFFLINE=1 llm-shield models path unitary/unbiased-toxic-roberta

Exit codes: 0 done, 1 verify found damage / check found a newer head / path not cached, 2 error.
`;
