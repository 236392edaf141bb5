#!/usr/bin/env python3
"""PyTorch reference for the GRPO Scope engine bench (same model and workloads as EngineBench.java).

GPT-style causal LM: vocab 32, d_model 128, 4 heads, 2 layers, context 48, pre-LayerNorm, learned positions,
exact (erf) GELU MLP 4x, final LayerNorm, untied head without bias. Workloads:
  train  - batch 64 x 48 tokens: logits -> log_softmax -> gather(targets) -> loss = -(logp * adv[B,1]).sum()/B
           -> backward -> Adam(lr 3e-4) -> zero_grad
  sample - 64 sequences from BOS, 32 new tokens, temperature 1, KV cache, Gumbel-max sampling
Prints one JSON line: median/min milliseconds of each workload.
"""
import argparse
import json
import math
import statistics
import time

import torch
import torch.nn.functional as F

V, D, H, L, C = 32, 128, 4, 2, 48


def init_params(gen):
    def normal(*shape, std=0.02):
        return (torch.randn(*shape, generator=gen) * std).requires_grad_()

    def const(value, *shape):
        return torch.full(shape, value).requires_grad_()

    resid = 0.02 / math.sqrt(2 * L)
    p = {"tok": normal(V, D), "pos": normal(C, D), "lnf_g": const(1.0, D), "lnf_b": const(0.0, D),
         "head": normal(V, D)}
    for l in range(L):
        p.update({f"{l}.ln1_g": const(1.0, D), f"{l}.ln1_b": const(0.0, D),
                  f"{l}.wqkv": normal(3 * D, D), f"{l}.bqkv": const(0.0, 3 * D),
                  f"{l}.wo": normal(D, D, std=resid), f"{l}.bo": const(0.0, D),
                  f"{l}.ln2_g": const(1.0, D), f"{l}.ln2_b": const(0.0, D),
                  f"{l}.w1": normal(4 * D, D), f"{l}.b1": const(0.0, 4 * D),
                  f"{l}.w2": normal(D, 4 * D, std=resid), f"{l}.b2": const(0.0, D)})
    return p


def block(p, l, x, cache=None, mask=None):
    b, t, _ = x.shape
    h = F.layer_norm(x, (D,), p[f"{l}.ln1_g"], p[f"{l}.ln1_b"], 1e-5)
    qkv = F.linear(h, p[f"{l}.wqkv"], p[f"{l}.bqkv"]).view(b, t, 3, H, D // H).permute(2, 0, 3, 1, 4)
    q, k, v = qkv[0], qkv[1], qkv[2]
    if cache is not None:
        if l in cache:
            k = torch.cat([cache[l][0], k], dim=2)
            v = torch.cat([cache[l][1], v], dim=2)
        cache[l] = (k, v)
    att = q @ k.transpose(-1, -2) * (1.0 / math.sqrt(D // H))
    if mask is not None:
        att = att + mask
    y = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, t, D)
    x = x + F.linear(y, p[f"{l}.wo"], p[f"{l}.bo"])
    h2 = F.layer_norm(x, (D,), p[f"{l}.ln2_g"], p[f"{l}.ln2_b"], 1e-5)
    return x + F.linear(F.gelu(F.linear(h2, p[f"{l}.w1"], p[f"{l}.b1"])), p[f"{l}.w2"], p[f"{l}.b2"])


def forward(p, idx, start=0, cache=None):
    t = idx.shape[1]
    x = F.embedding(idx, p["tok"]) + p["pos"][start:start + t]
    mask = torch.full((t, t), float("-inf")).triu(1) if t > 1 else None
    for l in range(L):
        x = block(p, l, x, cache, mask)
    return F.linear(F.layer_norm(x, (D,), p["lnf_g"], p["lnf_b"], 1e-5), p["head"])


def train_step(p, opt, idx, tgt, adv):
    logp = forward(p, idx).log_softmax(-1).gather(-1, tgt.unsqueeze(-1)).squeeze(-1)
    loss = -(logp * adv).sum() / idx.shape[0]
    loss.backward()
    opt.step()
    opt.zero_grad()
    return loss.item()


@torch.no_grad()
def sample(p, batch, new_tokens, gen):
    cache = {}
    tok = torch.zeros(batch, 1, dtype=torch.long)
    out = []
    for i in range(new_tokens):
        logits = forward(p, tok, start=i, cache=cache)[:, -1, :]
        u = torch.rand(logits.shape, generator=gen).clamp_min(1e-10)
        tok = (logits - torch.log(-torch.log(u))).argmax(-1, keepdim=True)
        out.append(tok)
    return torch.cat(out, 1)


def timed(fn, warmup, iters):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(iters):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--iters", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=10)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    gen = torch.Generator().manual_seed(1)
    p = init_params(gen)
    opt = torch.optim.Adam(p.values(), lr=3e-4, betas=(0.9, 0.999), eps=1e-8)
    idx = torch.randint(0, V, (64, C), generator=gen)
    tgt = torch.randint(0, V, (64, C), generator=gen)
    adv = torch.randn(64, 1, generator=gen)
    train = timed(lambda: train_step(p, opt, idx, tgt, adv), a.warmup, a.iters)
    samp = timed(lambda: sample(p, 64, 32, gen), max(1, a.warmup // 3), a.iters)
    print(json.dumps({"engine": "python-torch-" + torch.__version__, "threads": torch.get_num_threads(),
                      "train_ms": statistics.median(train), "train_min_ms": min(train),
                      "sample_kv_ms": statistics.median(samp), "sample_kv_min_ms": min(samp)}))


if __name__ == "__main__":
    main()
