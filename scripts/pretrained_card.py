#!/usr/bin/env python3
"""Writes models/pretrained/README.md (the model card of the four pretrained models) and
expected.json (the classes and sample accuracy the tests hold them to), from the models' own
cards, the split-comparison models and an evaluation on the bundled sample.
Called by scripts/train-pretrained."""
import argparse
import json
import os
import subprocess
import tempfile

TITLES = {"traffic": "traffic categorization", "application": "application identification"}


def info(cli, path):
    return json.loads(subprocess.run([cli, "info", "--json", path], check=True,
                                     stdout=subprocess.PIPE, text=True).stdout)


def evaluate(cli, model, sample, task):
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([cli, "evaluate", "-m", model, "--labels",
                              "files:%s/labels-%s.csv" % (sample, task), sample, "-o", out,
                              "--json", "-q"], check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(run.stdout)["evaluation"]


def corpus_table(cli, corpus):
    """Captures, sessions and packets kept by the paper's rules, per label of both tasks."""
    import csv
    with open(os.path.join(corpus, "sessions.csv"), newline="") as f:
        sessions = list(csv.DictReader(f))
    files = [os.path.join(corpus, "captures", s["file"]) for s in sessions]
    report = json.loads(subprocess.run([cli, "inspect", "--json"] + files, check=True,
                                       stdout=subprocess.PIPE, text=True).stdout)
    kept = {os.path.basename(f["path"]): (f["read"], f["kept"]) for f in report["files"]}
    size = sum(os.path.getsize(f) for f in files)
    lines = ["The corpus: %d sessions, %d captures, %.1f GB, %d packets read, %d kept by the "
             "paper's rules." % (len(sessions), len(files), size / 1e9, report["total"]["read"],
                                 report["total"]["kept"]), ""]
    for column, title in (("traffic", "traffic class"), ("application", "application")):
        totals = {}
        for s in sessions:
            if s[column]:
                t = totals.setdefault(s[column], [0, 0, 0])
                t[0] += 1
                t[1] += kept[s["file"]][0]
                t[2] += kept[s["file"]][1]
        lines += ["| %s | sessions | packets read | kept |" % title, "|---|---|---|---|"]
        lines += ["| %s | %d | %d | %d |" % (label, *totals[label]) for label in sorted(totals)]
        lines.append("")
    return lines


def table(test):
    rows = ["| class | packet Rc | Pr | F1 | support | flow Rc | Pr | F1 | support |",
            "|---|---|---|---|---|---|---|---|---|"]
    for name in sorted(test["packets"]["classes"]):
        p = test["packets"]["classes"][name]
        f = test["flows"]["classes"].get(name, {})
        rows.append("| %s | %.3f | %.3f | %.3f | %d | %s | %s | %s | %s |" % (
            name, p["recall"], p["precision"], p["f1"], p["support"],
            *("%.3f" % f[k] if k in f else "—" for k in ("recall", "precision", "f1")),
            f.get("support", "—")))
    for level in ("macro",):
        p, f = test["packets"][level], test["flows"][level]
        rows.append("| **%s average** | %.3f | %.3f | **%.3f** | | %.3f | %.3f | **%.3f** | |" % (
            level, p["recall"], p["precision"], p["f1"], f["recall"], f["precision"], f["f1"]))
    rows.append("| **accuracy** | | | **%.3f** | | | | **%.3f** | |" % (
        test["packets"]["accuracy"], test["flows"]["accuracy"]))
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser()
    for name in ("cli", "models", "splits", "sample", "corpus"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    expected = {}
    lines = ["# Pretrained models", "",
             "Four models trained with `scripts/train-pretrained` on a corpus made by the traffic "
             "lab ([`../corpus/`](../corpus/README.md)): real servers and clients, in the clear and "
             "through OpenVPN and WireGuard. Everything below is read from the model files "
             "themselves (`deeppacket-cli info --json MODEL`) and from evaluations on "
             "`resources/lab-sample` (held-out sessions of a second lab build, seed 2).", ""]
    lines += corpus_table(args.cli, args.corpus)
    for task in ("traffic", "application"):
        for arch in ("sae", "cnn"):
            name = "%s-%s.dpm" % (task, arch)
            path = os.path.join(args.models, name)
            card = info(args.cli, path)["card"]
            metrics = card["metrics"]
            training = metrics["training"]
            options = training.get("options", {})
            sample = evaluate(args.cli, path, args.sample, task)
            expected[name] = {"task": task, "classes": card["classes"],
                              "split": card["provenance"]["split"],
                              "sample_packet_accuracy": sample["packets"]["accuracy"],
                              "sample_flow_accuracy": sample["flows"]["accuracy"]}
            counts = metrics["class_counts"]
            lines += ["## `%s` — %s, %s" % (name, TITLES[task], card["network"]["kind"].upper()),
                      "",
                      "- **Classes** (%d): %s" % (len(card["classes"]), ", ".join(card["classes"])),
                      "- **Data**: %s; split **%s** (60/20/20 by flow, seed %s); packets per class "
                      "in training (after under-sampling) / validation / test: %s" % (
                          card["provenance"]["dataset"].replace(args.corpus, "CORPUS"),
                          metrics["split"], card["provenance"]["seed"],
                          "; ".join("%s %d/%d/%d" % (c, counts["train"].get(c, 0),
                                                      counts["validation"].get(c, 0),
                                                      counts["test"].get(c, 0))
                                    for c in card["classes"])),
                      "- **Options**: %s" % ", ".join("%s %s" % (k.replace("_", " "), v)
                                                      for k, v in options.items()),
                      "- **Training**: %d epochs (best %d, validation loss %.4f%s), %.0f s, "
                      "%.0f samples/s" % (training["epochs"], training["best_epoch"],
                                          training["best_validation_loss"],
                                          ", stopped early" if training["stopped_early"] else "",
                                          training.get("seconds", 0),
                                          training["samples_per_second"]),
                      "- **On the bundled sample** (`resources/lab-sample`): packet accuracy "
                      "%.3f, flow accuracy %.3f" % (sample["packets"]["accuracy"],
                                                    sample["flows"]["accuracy"]),
                      "", "Test split:", "", table(metrics["test"]), ""]
        lines += ["### Macro-F1 of the %s SAE under the three split kinds" % TITLES[task], "",
                  "Same data and options; only the split differs. `packet` is the paper's split: "
                  "packets of one flow land in training and test, and the gap to `flow` is what "
                  "that leak adds.", "",
                  "| split | packet macro-F1 | flow macro-F1 | packet accuracy |", "|---|---|---|---|"]
        for split in ("packet", "flow", "file"):
            path = (os.path.join(args.models, "%s-sae.dpm" % task) if split == "flow" else
                    os.path.join(args.splits, "%s-sae-%s.dpm" % (task, split)))
            test = info(args.cli, path)["card"]["metrics"]["test"]
            lines.append("| %s | %.3f | %.3f | %.3f |" % (split, test["packets"]["macro"]["f1"],
                                                         test["flows"]["macro"]["f1"],
                                                         test["packets"]["accuracy"]))
        lines.append("")
    with open(os.path.join(args.models, "README.md.tmp"), "w") as f:
        f.write("\n".join(lines))
    os.replace(os.path.join(args.models, "README.md.tmp"), os.path.join(args.models, "README.md"))
    with open(os.path.join(args.models, "expected.json.tmp"), "w") as f:
        json.dump(expected, f, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(os.path.join(args.models, "expected.json.tmp"),
               os.path.join(args.models, "expected.json"))


if __name__ == "__main__":
    main()
