# SPDX-License-Identifier: MIT
"""show_policy: load a policy with libmediate and print its taxonomy and org tree.

    python3 show_policy.py examples/data/county.yaml

The Python twin of examples/c/show_policy.c: it prints the same text.
Every error in the file is printed the way compilers do
(file:line:col: path: message) and the program exits 1.
"""

import sys

import mediate


def print_category(policy, children, cat):
    en = cat.name("en")
    line = "%s%s %s" % ("  " * (cat.depth + 1), cat.code, cat.name())
    if en is not None and en != cat.name():
        line += " (%s)" % en
    print(line)
    for child in children.get(cat.index, ()):
        print_category(policy, children, child)


def print_unit(policy, children, unit):
    print("%s%s [%s] %s" % ("  " * (unit.depth + 1), unit.code, unit.kind, unit.name()))
    for child in children.get(unit.index, ()):
        print_unit(policy, children, child)


def children_of(nodes):
    """parent index -> its children in document order (one pass)."""
    children = {}
    for node in nodes:
        parent = node.parent
        if parent is not None:
            children.setdefault(parent.index, []).append(node)
    return children


def main(argv):
    if len(argv) != 2:
        print("usage: show_policy.py POLICY.yaml", file=sys.stderr)
        return 2
    try:
        policy = mediate.Policy.load(argv[1])
    except mediate.Error as e:
        # e.errors lists every problem of the file, not only the first.
        for err in e.errors:
            print(err, file=sys.stderr)
        return 1

    with policy:
        print("%s (version %s, %s)" % (policy.name, policy.version or "-", policy.language))

        print("\ntaxonomy: %d categories" % len(policy.categories))
        children = children_of(policy.categories)
        for cat in policy.categories.roots():
            print_category(policy, children, cat)

        print("\norg: %d units" % len(policy.units))
        children = children_of(policy.units)
        for unit in policy.units.roots():
            print_unit(policy, children, unit)

        # Look-ups by code: the police station of 钟公庙 and its town.
        station = policy.unit("YZ-ZGM-PS")
        if station is not None:
            print("\n%s is a %s in %s" % (station.name("en"), station.kind, station.parent.name("en")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
