#!/usr/bin/env python3
"""A stand-in for a remote model API (OpenAI, vLLM, Ollama, TEI ...), for tests.

It speaks the real OpenAI wire protocol, so hirag's clients are exercised over
real HTTP exactly as in production:

  POST /v1/embeddings        {"model", "input": str | [str]}
       -> {"object":"list","data":[{"object":"embedding","index":i,"embedding":[...]}],
           "model", "usage"}; vectors are deterministic (hash of the text) with the
           configured dimension; items are returned in REVERSE order (the protocol
           allows any order; clients must map by "index").
  POST /v1/chat/completions  {"model","messages":[...],"max_tokens","temperature"}
       -> {"id","object":"chat.completion","choices":[{"index":0,"message":
           {"role":"assistant","content": ...},"finish_reason":"stop"}],"usage"}

With --api-key (or "api_key" in /control) every model request must carry
"Authorization: Bearer <key>", else 401.

Test controls (not part of the protocol):
  POST /control  {"mode": "ok|timeout|429|500|503|400|401|overlong|wrong_dimension|short|malformed",
                  "times": N (default: until changed), "retry_after": S (seconds, for 429/503),
                  "sleep": S (for timeout, default 5), "content": "reply text for chat",
                  "dimension": D, "api_key": K}
       The mode applies to the next N model requests, then "ok" again.
  GET  /requests -> {"count": n, "bodies": [last 50 JSON bodies], "paths": [...],
                     "times": [monotonic seconds of arrival], "auth": [Authorization headers]}
  POST /reset    clears the counters and returns to "ok".

Usage: fake_openai_server.py [--port 0] [--dimension 8] [--api-key KEY]
Prints "PORT <n>" on stdout once it listens.
"""

import argparse
import hashlib
import json
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATE = {}


def reset_state(dimension, api_key):
    STATE.clear()
    STATE.update({
        "mode": "ok", "times": None, "retry_after": None, "sleep": 5.0, "content": None,
        "dimension": dimension, "api_key": api_key,
        "count": 0, "bodies": [], "paths": [], "times_seen": [], "auth": [],
    })


def vector_for(text, dimension):
    """Deterministic pseudo-random vector in [-1, 1]^dimension from SHA-256 of the text."""
    out = []
    counter = 0
    while len(out) < dimension:
        digest = hashlib.sha256(f"{counter}:{text}".encode("utf-8")).digest()
        for (word,) in struct.iter_unpack("<I", digest):
            out.append(word / 2147483647.5 - 1.0)
        counter += 1
    return out[:dimension]


def take_mode():
    """The mode for this request (consuming one of its `times`)."""
    with LOCK:
        mode = STATE["mode"]
        if STATE["times"] is not None:
            STATE["times"] -= 1
            if STATE["times"] <= 0:
                STATE["mode"], STATE["times"] = "ok", None
        return mode, dict(STATE)


OVERLONG = " ".join(
    f"Sentence number {i} of an answer that ignores the requested length and keeps going."
    for i in range(1, 200))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def send_json(self, status, payload, headers=None):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            return json.loads(raw or b"null")
        except ValueError:
            return None

    def do_GET(self):
        if self.path == "/requests":
            with LOCK:
                self.send_json(200, {"count": STATE["count"], "bodies": STATE["bodies"], "paths": STATE["paths"],
                                     "times": STATE["times_seen"], "auth": STATE["auth"]})
            return
        self.send_json(404, {"error": {"message": "not found"}})

    def do_POST(self):
        body = self.read_body()
        if self.path == "/control":
            with LOCK:
                for key in ("mode", "times", "retry_after", "sleep", "content", "dimension", "api_key"):
                    if key in body:
                        STATE[key] = body[key]
            self.send_json(200, {"ok": True})
            return
        if self.path == "/reset":
            with LOCK:
                reset_state(STATE["dimension"], STATE["api_key"])
            self.send_json(200, {"ok": True})
            return
        if self.path not in ("/v1/embeddings", "/v1/chat/completions"):
            self.send_json(404, {"error": {"message": "not found"}})
            return

        with LOCK:
            STATE["count"] += 1
            STATE["bodies"] = (STATE["bodies"] + [body])[-50:]
            STATE["paths"] = (STATE["paths"] + [self.path])[-50:]
            STATE["times_seen"] = (STATE["times_seen"] + [time.monotonic()])[-50:]
            STATE["auth"] = (STATE["auth"] + [self.headers.get("Authorization", "")])[-50:]
        mode, state = take_mode()

        if state["api_key"] and self.headers.get("Authorization") != "Bearer " + state["api_key"]:
            self.send_json(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}})
            return
        if mode == "timeout":
            time.sleep(float(state["sleep"]))
            self.send_json(500, {"error": {"message": "slept past the client timeout"}})
            return
        if mode in ("429", "503"):
            headers = {"Retry-After": str(state["retry_after"])} if state["retry_after"] is not None else {}
            self.send_json(int(mode), {"error": {"message": "rate limited" if mode == "429" else "overloaded"}}, headers)
            return
        if mode in ("500", "400", "401"):
            self.send_json(int(mode), {"error": {"message": f"fake error {mode}"}})
            return
        if mode == "malformed":
            self.send_json(200, b"{not json")
            return
        if body is None or not isinstance(body, dict):
            self.send_json(400, {"error": {"message": "body must be a JSON object"}})
            return
        if self.path == "/v1/embeddings":
            self.embeddings(body, mode, state)
        else:
            self.chat(body, mode, state)

    def embeddings(self, body, mode, state):
        inputs = body.get("input")
        if isinstance(inputs, str):
            inputs = [inputs]
        if not isinstance(inputs, list) or not all(isinstance(t, str) for t in inputs):
            self.send_json(400, {"error": {"message": "input must be a string or an array of strings"}})
            return
        dimension = int(state["dimension"]) + (1 if mode == "wrong_dimension" else 0)
        data = [{"object": "embedding", "index": i, "embedding": vector_for(t, dimension)}
                for i, t in enumerate(inputs)]
        if mode == "short":
            data = data[:-1]
        data.reverse()
        tokens = sum(len(t.split()) for t in inputs)
        self.send_json(200, {"object": "list", "data": data, "model": body.get("model", ""),
                             "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})

    def chat(self, body, mode, state):
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            self.send_json(400, {"error": {"message": "messages must be a non-empty array"}})
            return
        if mode == "overlong":
            content = OVERLONG
        elif state["content"] is not None:
            content = state["content"]
        else:
            last = str(messages[-1].get("content", ""))
            content = "Summary: " + " ".join(last.split()[:5]) + "."
        self.send_json(200, {"id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
                             "model": body.get("model", ""),
                             "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                          "finish_reason": "stop"}],
                             "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--dimension", type=int, default=8)
    parser.add_argument("--api-key", default="")
    args = parser.parse_args()
    reset_state(args.dimension, args.api_key)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
