#!/usr/bin/env python3
"""Writes models/pretrained/README.md (the model card of the six pretrained models) and
expected.json (the classes and sample accuracy the tests hold them to), from the models' own
cards, the cross-validated figures of scripts/measure-corpus, and evaluations on a held-out
build and on the bundled sample. Called by scripts/train-pretrained."""
import argparse
import json
import os
import re
import subprocess
import tempfile

TITLES = {"traffic": "traffic categorization", "application": "application identification"}


def info(cli, path):
    return json.loads(subprocess.run([cli, "info", "--json", path], check=True,
                                     stdout=subprocess.PIPE, text=True).stdout)


def evaluate(cli, models, folder, task):
    """Scores models (["-m", PATH] and maybe ["--flow-model", PATH]) on a labelled folder."""
    flow = [] if "--flow-model" in models else ["--no-flow-model"]
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([cli, "evaluate"] + models + flow + [
            "--labels", "files:%s/labels-%s.csv" % (folder, task), os.path.join(folder, "captures")
            if os.path.isdir(os.path.join(folder, "captures")) else folder, "-o", out, "--json",
            "-q"], check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(run.stdout)["evaluation"]


def figure(measure, log, key):
    """'mean ± sd' of one line of a scripts/measure-corpus log, or a dash when it is not there:
    a `train --repeat` summary line (key: packet_macro_f1, flow_macro_f1, early_flow_macro_f1)
    or a yardstick line (key: its label, e.g. 'session split, whole flows')."""
    try:
        with open(os.path.join(measure, log + ".log")) as f:
            text = f.read()
    except OSError:
        return "—"
    match = re.search(r"^\s*%s\s+(?:all classes )?(?:macro-F1 )?([0-9.]+) ± ([0-9.]+)" %
                      re.escape(key), text, re.M)
    return "%.3f ± %.3f" % (float(match.group(1)), float(match.group(2))) if match else "—"


def folds(measure, log):
    """How many folds a measure-corpus log averaged over ('' when unknown)."""
    try:
        with open(os.path.join(measure, log + ".log")) as f:
            match = re.search(r"Over (\d+) folds|; (\d+) folds", f.read())
    except OSError:
        return ""
    return (match.group(1) or match.group(2)) if match else ""


def figures(measure, task):
    """The cross-validated figures of a task: each network under the session split, across
    recipes and under the leaky packet split, beside the yardsticks on the same folds."""
    lines = ["### What to expect on sessions never seen: %s" % TITLES[task], "",
             "Cross-validated on the corpus by `scripts/measure-corpus` (mean ± sd over folds "
             "of capture files: no session on both sides). *Across recipes*: every fold's test "
             "recipes (client and server programs) were never trained on. *Leaky*: the paper's "
             "random packet split, for comparison only.", "",
             "| model | per | session split | first 10 packets | across recipes | leaky split |",
             "|---|---|---|---|---|---|"]
    lines.append("| flow model (%s folds) | flow | **%s** | %s | %s | %s |" % (
        folds(measure, task + "-flow-session"),
        figure(measure, task + "-flow-session", "flow_macro_f1"),
        figure(measure, task + "-flow-session", "early_flow_macro_f1"),
        figure(measure, task + "-flow-recipes", "flow_macro_f1"),
        figure(measure, task + "-flow-leaky", "flow_macro_f1")))
    for arch in ("sae", "cnn"):
        for level in ("packet", "flow"):
            lines.append("| %s (3 folds, capped) | %s | %s | | %s | %s |" % (
                arch.upper() if level == "packet" else "%s, majority vote" % arch.upper(),
                level, *(figure(measure, "%s-%s-%s" % (task, arch, split),
                                level + "_macro_f1")
                         for split in ("session", "recipes", "leaky"))))
    lines.append("| random forest on the flow model's features (`scripts/flow-baseline`) | flow "
                 "| %s | %s | | %s |" % (
                     figure(measure, task + "-forest", "session split, whole flows"),
                     figure(measure, task + "-forest", "session split, first 10 packets"),
                     figure(measure, task + "-forest", "random row split (leaky)")))
    lines.append("| per-packet ceiling: a table of (length, direction, protocol, server port) "
                 "learnt on the test fold itself (`scripts/packet-ceiling`) | packet | %s | | | |"
                 % figure(measure, task + "-ceiling", "ceiling"))
    lines.append("| the same table learnt on the training folds | packet | %s | | | |" %
                 figure(measure, task + "-ceiling", "learnt"))
    lines.append("")
    return lines


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
    for name in ("cli", "models", "measure", "sample", "corpus", "holdout"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    expected = {}
    lines = ["# Pretrained models", "",
             "Six models trained with `scripts/train-pretrained` on a corpus made by the traffic "
             "lab ([`lab/`](../../lab/README.md)): real servers and clients of several "
             "programs per class, in the clear and through OpenVPN and WireGuard, under varied "
             "network conditions. For each task: the **flow model** (a flow's verdict from the "
             "sizes, directions, gaps and flags of its first packets) and the paper's **SAE** and "
             "**CNN** (one verdict per packet). All are trained 60/20/20 by session (capture "
             "file). Everything below is read from the model files themselves "
             "(`deeppacket-cli info --json MODEL`), from `scripts/measure-corpus` on the same "
             "corpus, and from evaluations on a held-out build (another seed, network "
             "conditions never trained on) and on `resources/lab-sample` (the first frames of "
             "one held-out session per traffic label).", ""]
    lines += corpus_table(args.cli, args.corpus)
    for task in ("traffic", "application"):
        lines += ["## %s" % TITLES[task].capitalize(), ""]
        lines += figures(args.measure, task)
        held = ["### The shipped models on the held-out build", "",
                "| model | packet macro-F1 | packet accuracy | flow macro-F1 | flow accuracy |",
                "|---|---|---|---|---|"]
        blocks = []
        for arch in ("flow", "sae", "cnn"):
            name = "%s-%s.dpm" % (task, arch)
            path = os.path.join(args.models, name)
            card = info(args.cli, path)["card"]
            metrics = card["metrics"]
            training = metrics["training"]
            options = training.get("options", {})
            # A flow model labels flows; its packets keep the labels of the SAE beside it.
            models = ["-m", path]
            entry = {"task": task, "classes": card["classes"],
                     "split": card["provenance"]["split"]}
            if arch == "flow":
                entry["packet_model"] = "%s-sae.dpm" % task
                models = ["-m", os.path.join(args.models, entry["packet_model"]),
                          "--flow-model", path]
            sample = evaluate(args.cli, models, args.sample, task)
            holdout = evaluate(args.cli, models, args.holdout, task)
            entry["sample_packet_accuracy"] = sample["packets"]["accuracy"]
            entry["sample_flow_accuracy"] = sample["flows"]["accuracy"]
            expected[name] = entry
            held.append("| `%s`%s | %s | %s | **%.3f** | %.3f |" % (
                name, " (packets: the SAE's)" if arch == "flow" else "",
                *(("—", "—") if arch == "flow" else (
                    "**%.3f**" % holdout["packets"]["macro"]["f1"],
                    "%.3f" % holdout["packets"]["accuracy"])),
                holdout["flows"]["macro"]["f1"], holdout["flows"]["accuracy"]))
            unit = "flows" if arch == "flow" else "packets"
            counts = metrics["flow_counts" if arch == "flow" else "class_counts"]
            blocks += ["### `%s` — %s, %s" % (name, TITLES[task], card["network"]["kind"].upper()),
                       "",
                       "- **Classes** (%d): %s" % (len(card["classes"]),
                                                   ", ".join(card["classes"])),
                       "- **Data**: %s; split **%s** (60/20/20, seed %s); %s per class in "
                       "training / validation / test: %s" % (
                           card["provenance"]["dataset"].replace(args.corpus, "CORPUS"),
                           metrics["split"], card["provenance"]["seed"], unit,
                           "; ".join("%s %d/%d/%d" % (c, counts["train"].get(c, 0),
                                                       counts["validation"].get(c, 0),
                                                       counts["test"].get(c, 0))
                                     for c in card["classes"])),
                       "- **Options**: %s" % ", ".join("%s %s" % (k.replace("_", " "), v)
                                                       for k, v in options.items()),
                       "- **Training**: %d epochs (kept: epoch %d%s%s), %.0f s" % (
                           training["epochs"], training["best_epoch"],
                           ", stopped early" if training["stopped_early"] else "",
                           "; then trained again on training and validation sessions for as "
                           "many epochs" if training.get("refitted") else "",
                           training.get("seconds", 0)),
                       "- **On the bundled sample**: packet accuracy %.3f, flow accuracy %.3f" % (
                           sample["packets"]["accuracy"], sample["flows"]["accuracy"]),
                       "", "Its test sessions (one split, not the cross-validated figure above):",
                       "", table(metrics["test"]), ""]
        lines += held + [""] + blocks
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
