/* SPDX-License-Identifier: MIT */
package org.libmediate;

/** Kinds of org units; {@link #code()} is the name used in policies ("police_station"). */
public enum UnitKind {
  COUNTY(1), TOWN(2), POLICE_STATION(3), COMMUNITY(4), VILLAGE(5), GRID(6), CENTRE(7),
  DEPARTMENT(8), ENTERPRISE(9), COURT(10), ASSOCIATION(11);

  private final int value;

  UnitKind(int value) {
    this.value = value;
  }

  /** The C value (MEDIATE_UNIT_*). */
  public int value() {
    return value;
  }

  /** The policy name of the kind ("police_station"). */
  public String code() {
    return MediateNative.mediate_unit_kind_name(mediate_unit_kind.swigToEnum(value));
  }

  /** The kind of a C value. */
  public static UnitKind of(int value) {
    for (UnitKind k : values())
      if (k.value == value)
        return k;
    throw new IllegalArgumentException("unknown unit kind value " + value);
  }

  /** The kind named in a policy; throws MediateException (ENOTFOUND) for an unknown name. */
  public static UnitKind parse(String code) {
    int[] out = new int[1];
    MediateNative.mediate_unit_kind_parse(out, code);
    return of(out[0]);
  }
}
