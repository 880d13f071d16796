/* SPDX-License-Identifier: MIT */
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.libmediate.*;

/**
 * The policy through Java: loading, every error with its place, the taxonomy
 * and the org tree, lifetime of borrowed categories and units.
 */
public class PolicyTest {
  static final String DATA = System.getenv("MEDIATE_BINDINGS_DATA") != null
      ? System.getenv("MEDIATE_BINDINGS_DATA") : "bindings/data";
  static final String COUNTY = DATA + "/county.yaml";
  static final String BAD = DATA + "/bad-policy.yaml";

  static SWIGTYPE_p_mediate_policy loadNative(String path) {
    long[] out = new long[1];
    MediateNative.mediate_policy_load_file(out, path, null);
    return SWIGTYPE_p_mediate_policy.wrap(out[0]);
  }

  public void testLowLevelMetaAndCategories() {
    SWIGTYPE_p_mediate_policy p = loadNative(COUNTY);
    try {
      Check.equal("鄞州区矛盾纠纷调解政策（绑定测试）", MediateNative.mediate_policy_name(p));
      Check.equal("2026.1", MediateNative.mediate_policy_version(p));
      Check.equal("zh", MediateNative.mediate_policy_language(p));
      Check.equal(11, MediateNative.mediate_policy_category_count(p));
      SWIGTYPE_p_mediate_category c = MediateNative.mediate_policy_category_at(p, 1);
      Check.equal("family.marriage", MediateNative.mediate_category_code(c));
      Check.equal("婚姻纠纷", MediateNative.mediate_category_name(c, "zh"));
      Check.equal("Marriage and divorce", MediateNative.mediate_category_name(c, "en"));
      Check.equal("婚姻纠纷", MediateNative.mediate_category_name(c, null));
      Check.equal(1, MediateNative.mediate_category_index(c));
      Check.equal(1, MediateNative.mediate_category_depth(c));
      SWIGTYPE_p_mediate_category parent = MediateNative.mediate_category_parent(c);
      Check.equal("family", MediateNative.mediate_category_code(parent));
      Check.isNull(MediateNative.mediate_category_parent(parent));
      Check.equal(1, MediateNative.mediate_category_is_within(c, parent));
      Check.equal(0, MediateNative.mediate_category_is_within(parent, c));
      SWIGTYPE_p_mediate_category found = MediateNative.mediate_policy_category_find(p, "traffic.damage");
      Check.equal(9, MediateNative.mediate_category_index(found));
      Check.isNull(MediateNative.mediate_policy_category_find(p, "traffic.injury"));
      Check.isNull(MediateNative.mediate_policy_category_at(p, 11));
    } finally {
      MediateNative.mediate_policy_free(p);
    }
    MediateNative.mediate_policy_free(null);
  }

  public void testLowLevelUnits() {
    SWIGTYPE_p_mediate_policy p = loadNative(COUNTY);
    try {
      Check.equal(13, MediateNative.mediate_policy_unit_count(p));
      SWIGTYPE_p_mediate_unit u = MediateNative.mediate_policy_unit_find(p, "YZ-ZGM-PS-TJ");
      Check.equal("YZ-ZGM-PS-TJ", MediateNative.mediate_unit_code(u));
      Check.equal("钟公庙派出所人民调解工作室", MediateNative.mediate_unit_name(u, "zh"));
      Check.equal(mediate_unit_kind.MEDIATE_UNIT_CENTRE, MediateNative.mediate_unit_get_kind(u));
      Check.equal(5, MediateNative.mediate_unit_index(u));
      Check.equal(3, MediateNative.mediate_unit_depth(u));
      SWIGTYPE_p_mediate_unit station = MediateNative.mediate_unit_parent(u);
      Check.equal("宁波市鄞州区天童南路1088号", MediateNative.mediate_unit_address(station));
      Check.isNull(MediateNative.mediate_unit_address(u));
      Check.equal(mediate_unit_kind.MEDIATE_UNIT_POLICE_STATION, MediateNative.mediate_unit_get_kind(station));
      SWIGTYPE_p_mediate_unit county = MediateNative.mediate_policy_unit_at(p, 0);
      Check.equal(1, MediateNative.mediate_unit_is_within(u, county));
      Check.equal(0, MediateNative.mediate_unit_is_within(county, u));
      Check.isNull(MediateNative.mediate_policy_unit_at(p, 13));
      Check.equal("𠮷岙村", MediateNative.mediate_unit_name(MediateNative.mediate_policy_unit_find(p, "YZ-DQ-JA"), "zh"));
      Check.equal("police_station", MediateNative.mediate_unit_kind_name(mediate_unit_kind.MEDIATE_UNIT_POLICE_STATION));
      int[] kind = new int[1];
      MediateNative.mediate_unit_kind_parse(kind, "grid");
      Check.equal(mediate_unit_kind.MEDIATE_UNIT_GRID.swigValue(), kind[0]);
      CoreTest.raisesCode(MediateError.ENOTFOUND, () -> MediateNative.mediate_unit_kind_parse(kind, "station"));
    } finally {
      MediateNative.mediate_policy_free(p);
    }
  }

  public void testLowLevelLoadBufferAndErrors() throws Exception {
    byte[] yaml = Files.readAllBytes(Paths.get(COUNTY));
    long[] out = new long[1];
    MediateNative.mediate_policy_load_buffer(out, yaml, "county.yaml", null);
    SWIGTYPE_p_mediate_policy p = SWIGTYPE_p_mediate_policy.wrap(out[0]);
    Check.equal(13, MediateNative.mediate_policy_unit_count(p));
    MediateNative.mediate_policy_free(p);
    CoreTest.raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_policy_load_file(new long[1], null, null));
    CoreTest.raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_policy_load_file(null, COUNTY, null));
    MediateException e = CoreTest.raisesCode(MediateError.EIO,
        () -> MediateNative.mediate_policy_load_file(new long[1], DATA + "/no-such-policy.yaml", null));
    Check.isTrue(e.getFile().endsWith("no-such-policy.yaml"), e.getFile());
  }

  public void testAllErrorsThroughTheShim() {
    mediate_load_options opts = new mediate_load_options();
    MediateNative.mediate_load_options_init(opts, MediateNativeConstants.MEDIATE_LOAD_OPTIONS_VERSION);
    SWIGTYPE_p_mbind_errors errs = MediateNative.mbind_errors_new();
    try {
      MediateNative.mbind_errors_attach(errs, opts);
      CoreTest.raisesCode(MediateError.EVALIDATE, () -> MediateNative.mediate_policy_load_file(new long[1], BAD, opts));
      Check.equal(4, MediateNative.mbind_errors_count(errs));
      Check.equal(0, MediateNative.mbind_errors_truncated(errs));
      Check.equal("org[2].code", MediateNative.mbind_errors_at(errs, 3).getPath());
      Check.isNull(MediateNative.mbind_errors_at(errs, 4));
    } finally {
      MediateNative.mbind_errors_free(errs);
      opts.delete();
    }
  }

  public void testTryWithResourcesAndLists() {
    Policy kept;
    try (Policy p = Policy.load(COUNTY)) {               // covers: mediate_policy_load_file
      kept = p;
      Check.equal("鄞州区矛盾纠纷调解政策（绑定测试）", p.name());
      Check.equal("2026.1", p.version());
      Check.equal("zh", p.language());
      List<String> codes = new ArrayList<>();
      for (Category c : p.categories())
        codes.add(c.code());
      Check.equal(11, codes.size());
      Check.equal("family", codes.get(0));
      Check.equal("property_management", codes.get(10));
      Category noise = p.category("neighbour.noise");
      Check.equal("Noise", noise.name("en"));
      Check.equal("噪声扰民", noise.name());
      Check.equal(p.category("neighbour"), noise.parent());
      Check.isNull(noise.parent().parent());
      Check.isTrue(noise.isWithin(p.category("neighbour")), "within neighbour");
      Check.isTrue(!noise.isWithin(p.category("family")), "not within family");
      Check.equal(4, noise.index());
      Check.equal(1, noise.depth());
      Check.isNull(p.category("labour.injury"));
      Check.raises(UnsupportedOperationException.class, () -> p.categories().add(noise));
      Check.raises(IndexOutOfBoundsException.class, () -> p.categories().get(11));
      Check.isTrue(p.toString().contains("11 categories, 13 units"), p.toString());
    }
    Check.isTrue(kept.isClosed(), "closed by try");
  }

  public void testUnits() {
    try (Policy p = Policy.load(COUNTY)) {
      Unit grid = p.unit("YZ-ZGM-JJC-G01");
      Check.equal(UnitKind.GRID, grid.kind());
      Check.equal("Jinjiacao Grid 1", grid.name("en"));
      Check.equal("YZ-ZGM-JJC", grid.parent().code());
      Check.equal(3, grid.depth());
      Check.isTrue(grid.isWithin(p.unit("YZ-ZGM")), "grid within town");
      Check.isTrue(!grid.isWithin(p.unit("YZ-DQ")), "grid not within other town");
      List<String> stations = new ArrayList<>();
      for (Unit u : p.units())
        if (u.kind() == UnitKind.POLICE_STATION)
          stations.add(u.code());
      Check.equal(List.of("YZ-ZGM-PS", "YZ-DQ-PS"), stations);
      Check.equal("𠮷岙村", p.unit("YZ-DQ-JA").name());
      Check.equal(UnitKind.COURT, p.units().get(12).kind());
    }
    Check.equal("police_station", UnitKind.POLICE_STATION.code());
    Check.equal(UnitKind.ENTERPRISE, UnitKind.parse("enterprise"));
    Check.equal(11, UnitKind.values().length);
    for (UnitKind k : UnitKind.values())
      Check.equal(k, UnitKind.parse(k.code()));
    CoreTest.raisesCode(MediateError.ENOTFOUND, () -> UnitKind.parse("派出所"));
  }

  public void testUseAfterCloseThrows() {
    Policy p = Policy.load(COUNTY);
    Unit u = p.unit("YZ");
    List<Category> cats = p.categories();
    p.close();
    p.close();                                            // covers: mediate_policy_free
    CoreTest.raisesCode(MediateError.ESTATE, () -> u.code());
    CoreTest.raisesCode(MediateError.ESTATE, () -> cats.size());
    CoreTest.raisesCode(MediateError.ESTATE, () -> p.name());
    Check.equal("Policy(closed)", p.toString());
  }

  public void testBorrowedKeepsPolicyAlive() {
    Unit station = Policy.load(COUNTY).unit("YZ-DQ-PS");
    for (int i = 0; i < 3; i++) {
      System.gc();
      Check.equal("YZ-DQ", station.parent().code());
    }
    station.policy().close();
  }

  public void testLoadFromBytesAndString() throws Exception {
    byte[] yaml = Files.readAllBytes(Paths.get(COUNTY));
    try (Policy p = Policy.load(yaml, "county.yaml", null)) {    // covers: mediate_policy_load_buffer
      Check.equal(13, p.units().size());
    }
    try (Policy p = Policy.loadString(new String(yaml, java.nio.charset.StandardCharsets.UTF_8), null)) {
      Check.equal(11, p.categories().size());
    }
    try (Policy p = Policy.load(Paths.get(COUNTY), new LoadOptions())) {
      Check.equal("zh", p.language());
    }
  }

  public void testAllErrorsWithPlaces() {
    MediateException e = CoreTest.raisesCode(MediateError.EVALIDATE, () -> Policy.load(BAD));
    Check.equal(BAD, e.getFile());
    Check.equal(11, e.getLine());
    Check.equal(29, e.getColumn());
    Check.equal("taxonomy[1].parnet", e.getPath());
    Check.equal("unknown key \"parnet\"; did you mean \"parent\"?", e.getText());
    List<String> places = new ArrayList<>();
    for (MediateError x : e.getErrors())
      places.add(x.getLine() + ":" + x.getColumn() + " " + x.getPath());
    Check.equal(List.of("11:29 taxonomy[1].parnet", "12:37 taxonomy[2].parent", "17:29 org[1].kind",
        "18:12 org[2].code"), places);
    Check.isTrue(e.getErrors().get(2).getText().contains("did you mean \"police_station\"?"), "kind hint");
    Check.equal(BAD + ":11:29: taxonomy[1].parnet: unknown key \"parnet\"; did you mean \"parent\"?",
        e.getErrors().get(0).toString());
    Check.equal(e.getErrors(), Policy.check(BAD));
    Check.equal(0, Policy.check(COUNTY).size());
  }

  public void testLimitsAndMalformedInput() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 100000; i++)
      deep.append('[');
    MediateException e = CoreTest.raisesCode(MediateError.ELIMIT, () -> Policy.loadString(deep.toString(), "deep.yaml"));
    Check.equal("deep.yaml", e.getFile());
    CoreTest.raisesCode(MediateError.ELIMIT, () -> Policy.load(COUNTY, new LoadOptions().maxDocumentBytes(1000)));
    CoreTest.raisesCode(MediateError.ELIMIT, () -> Policy.load(COUNTY, new LoadOptions().maxDepth(2)));
    e = CoreTest.raisesCode(MediateError.EPARSE, () -> Policy.loadString("policy: {name: 鄞州\n", "broken.yaml"));
    Check.isTrue(e.getLine() > 0, "line known");
    CoreTest.raisesCode(MediateError.EUTF8,
        () -> Policy.load(new byte[] {'a', ':', ' ', (byte) 0xe9, (byte) 0x84, '\n'}, null, null));
    CoreTest.raisesCode(MediateError.EVALIDATE, () -> Policy.loadString("", null));
  }

  public void testSharedBetweenThreads() throws Exception {
    try (Policy p = Policy.load(COUNTY)) {
      int expected = 0;
      for (Unit u : p.units())
        expected += u.depth();
      final int want = expected * 50;
      List<Thread> threads = new ArrayList<>();
      int[] got = new int[4];
      for (int k = 0; k < 4; k++) {
        final int kk = k;
        Thread t = new Thread(() -> {
          int n = 0;
          for (int r = 0; r < 50; r++)
            for (Unit u : p.units())
              for (Unit a = u.parent(); a != null; a = a.parent())
                n++;
          got[kk] = n;
        });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads)
        t.join();
      for (int n : got)
        Check.equal(want, n);
    }
  }

  public void testSampleCountyLoads() {
    String dir = System.getenv("MEDIATE_EXAMPLES_DATA");
    if (dir == null || !new File(dir, "county.yaml").exists())
      return;
    try (Policy p = Policy.load(dir + "/county.yaml")) {
      int stations = 0;
      for (Unit u : p.units())
        if (u.kind() == UnitKind.POLICE_STATION)
          stations++;
      Check.isTrue(stations >= 20, stations + " police stations");
      Check.isTrue(p.category("labour.wage_arrears") != null, "labour.wage_arrears");
    }
  }
}
