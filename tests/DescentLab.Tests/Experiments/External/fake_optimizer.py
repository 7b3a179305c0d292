#!/usr/bin/env python3
"""A gradient step (lr from init) that misbehaves as argv[1] says, for the protocol's failure tests.

The "many" modes declare protocol version 2 and serve run after run until stdin closes."""
import json
import sys

MODE = sys.argv[1] if len(sys.argv) > 1 else "good"

# What the style modes add to the description (otherwise a good gradient step).
STYLES = {
    "styled": {"family": "adaptive", "colour": "#123456"},
    "own_family": {"family": "sign descent"},
    "bad_colour": {"colour": "red"},
    "american": {"color": "#123456"},
    "near_family": {"family": "Adaptive"},
    "bad_runs": {"runs": 2},
    "many": {"runs": "many"},
    "many_die": {"runs": "many"},
    "spaced": {"space": {"lr": {"log_uniform": [1e-4, 1]}}},
    "bad_space": {"space": {"lr": {"log_uniform": [1, 0.1]}}},
}


def send(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main():
    lr = None
    runs = 0
    for line in sys.stdin:
        message = json.loads(line)
        kind = message["type"]
        if kind == "describe":
            if MODE == "no_describe":
                sys.stderr.write("cannot describe\n")
                sys.exit(2)
            description = {"name": "adam" if MODE == "clash" else "fake_" + MODE, "description": "a misbehaving gradient step",
                           "hyper": {"lr": {"default": 0.1, "min": 0, "max": 10}}}
            description.update(STYLES.get(MODE, {}))
            send(json.dumps(description))
        elif kind == "init":
            if MODE == "mute_init":
                sys.stderr.write("importing slowly\n")
                sys.stderr.flush()
                sys.stdin.readline()
            lr = message["hyper"]["lr"]
            runs += 1
            send('{"type":"ready"}')
        elif kind == "step":
            params, grad = message["params"], message["grad"]
            if MODE == "many_die" and runs == 2 and message["step"] == 2:
                sys.stderr.write("dying in my second run\n")
                sys.stderr.flush()
                sys.exit(3)
            if message["step"] == 2 and MODE not in STYLES and MODE not in ("good", "evaluate", "mute_init"):
                misbehave(params)
                continue
            if MODE == "evaluate":
                send(json.dumps({"evaluate": params}))
                answer = json.loads(sys.stdin.readline())
                if answer["loss"] != message["loss"] or answer["grad"] != grad:
                    sys.stderr.write("evaluate disagrees with step\n")
                    sys.exit(1)
            send(json.dumps({"params": [p - lr * g for p, g in zip(params, grad)]}))
        elif kind == "end" and MODE not in ("many", "many_die"):
            break


def misbehave(params):
    if MODE == "malformed":
        sys.stderr.write("about to answer garbage\n")
        send("this is not json")
    elif MODE == "wrong_length":
        send('{"params":[1,2,3]}')
    elif MODE == "exit_early":
        sys.stderr.write("giving up\n")
        sys.stderr.flush()
        sys.exit(3)
    elif MODE == "hang":
        sys.stderr.write("thinking forever\n")
        sys.stderr.flush()
        sys.stdin.readline()
        sys.stdin.readline()
    elif MODE == "nan":
        send(json.dumps({"params": [float("nan")] + [float("inf")] * (len(params) - 1)}))


if __name__ == "__main__":
    main()
