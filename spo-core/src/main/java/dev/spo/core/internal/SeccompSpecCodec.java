package dev.spo.core.internal;

import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompFlag;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import dev.spo.core.spi.CommonFields;
import dev.spo.core.spi.DocumentObject;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import org.slf4j.LoggerFactory;

/** Seccomp spec to and from plain JSON values, in the CRD and in the OCI runtime-spec dialect. */
public final class SeccompSpecCodec {
  private static final Logger LOG = LoggerFactory.getLogger(SeccompSpecCodec.class);

  static final List<String> ACTIONS = Arrays.stream(SeccompAction.values()).map(SeccompAction::wireName).toList();
  static final List<String> ARCHES = Arrays.stream(SeccompArch.values()).map(SeccompArch::wireName).toList();
  static final List<String> FLAGS = Arrays.stream(SeccompFlag.values()).map(SeccompFlag::wireName).toList();
  static final List<String> OPERATORS = Arrays.stream(ArgOperator.values()).map(ArgOperator::wireName).toList();

  /** The two JSON dialects of a seccomp spec. */
  public enum Dialect {
    /** SPO's SeccompProfile CRD {@code spec}. */
    CRD,
    /** The OCI runtime spec's {@code LinuxSeccomp}. */
    RUNTIME
  }

  private SeccompSpecCodec() {}

  public static SeccompSpec decode(DocumentObject spec, Dialect dialect) {
    SeccompSpec.Builder b = SeccompSpec.builder();
    if (dialect == Dialect.CRD) {
      b.state(CommonFields.readState(spec));
      b.baseProfileName(spec.string("baseProfileName"));
    } else {
      Integer defaultErrnoRet = spec.int32("defaultErrnoRet");
      if (defaultErrnoRet != null && defaultErrnoRet < 0) {
        throw spec.error("defaultErrnoRet", "value must not be negative");
      }
      b.defaultErrnoRet(defaultErrnoRet);
    }
    b.defaultAction(spec.enumValue("defaultAction", SeccompAction::fromWireName, ACTIONS));
    List<SeccompArch> arches = spec.optionalEnumList("architectures", SeccompArch::fromWireName, ARCHES);
    b.architectures(arches == null ? List.of() : arches);
    b.listenerPath(spec.string("listenerPath"));
    b.listenerMetadata(spec.string("listenerMetadata"));
    List<Syscall> syscalls = new ArrayList<>();
    for (DocumentObject entry : spec.objectList("syscalls")) {
      syscalls.add(decodeSyscall(entry, dialect));
    }
    b.syscalls(syscalls);
    b.flags(spec.optionalEnumList("flags", SeccompFlag::fromWireName, FLAGS));
    spec.finish();
    return b.build();
  }

  private static Syscall decodeSyscall(DocumentObject entry, Dialect dialect) {
    List<String> names = entry.stringList("names");
    SeccompAction action = entry.enumValue("action", SeccompAction::fromWireName, ACTIONS);
    if (action == null) {
      throw entry.error("action", "required field is missing");
    }
    Long errno = dialect == Dialect.CRD ? entry.int64("errnoRet") : entry.uint64("errnoRet", false);
    Integer errnoRet = null;
    if (errno != null) {
      if (dialect == Dialect.RUNTIME && (errno < 0 || errno > Integer.MAX_VALUE)) {
        throw entry.error("errnoRet", "value " + Long.toUnsignedString(errno) + " does not fit an errno");
      }
      if (errno < Integer.MIN_VALUE || errno > Integer.MAX_VALUE) {
        throw entry.error("errnoRet", "value " + errno + " is outside the int32 range");
      }
      errnoRet = errno.intValue();
    }
    List<SyscallArg> args = new ArrayList<>();
    for (DocumentObject arg : entry.objectList("args")) {
      Integer index = arg.int32("index");
      if (index == null) {
        if (dialect == Dialect.CRD) {
          throw arg.error("index", "required field is missing");
        }
        index = 0;
      }
      boolean crd = dialect == Dialect.CRD;
      Long value = arg.uint64("value", crd);
      Long valueTwo = arg.uint64("valueTwo", crd);
      ArgOperator op = arg.enumValue("op", ArgOperator::fromWireName, OPERATORS);
      if (op == null) {
        throw arg.error("op", "required field is missing");
      }
      arg.finish();
      args.add(new SyscallArg(index, value == null ? 0 : value, valueTwo == null ? 0 : valueTwo, op));
    }
    entry.finish();
    return new Syscall(names, action, errnoRet, args);
  }

  /**
   * Encodes a spec. {@code goOmitEmpty} reproduces Go's {@code omitempty} of SPO's v1 types
   * (errnoRet 0, value 0 and valueTwo 0 are left out), as SPO's node files and its
   * {@code syscalls} annotation do; otherwise every present value is written.
   */
  public static Map<String, @Nullable Object> encode(SeccompSpec spec, Dialect dialect, boolean goOmitEmpty) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    if (dialect == Dialect.CRD) {
      CommonFields.writeState(out, spec.state());
      CommonFields.putIfNotNull(out, "baseProfileName", spec.baseProfileName());
      if (spec.defaultErrnoRet() != null) {
        LOG.warn("defaultErrnoRet {} has no place in a SeccompProfile; it is left out", spec.defaultErrnoRet());
      }
    }
    if (spec.defaultAction() != null) {
      out.put("defaultAction", spec.defaultAction().wireName());
    }
    if (dialect == Dialect.RUNTIME) {
      CommonFields.putIfNotNull(out, "defaultErrnoRet", spec.defaultErrnoRet());
      CommonFields.putIfNotEmpty(out, "architectures", spec.architectures().stream().map(SeccompArch::wireName).toList());
      if (spec.flags() != null) {
        out.put("flags", spec.flags().stream().map(SeccompFlag::wireName).toList());
      }
    } else {
      CommonFields.putIfNotEmpty(out, "architectures", spec.architectures().stream().map(SeccompArch::wireName).toList());
    }
    CommonFields.putIfNotNull(out, "listenerPath", spec.listenerPath());
    CommonFields.putIfNotNull(out, "listenerMetadata", spec.listenerMetadata());
    if (!spec.syscalls().isEmpty()) {
      out.put("syscalls", encodeSyscalls(spec.syscalls(), goOmitEmpty));
    }
    if (dialect == Dialect.CRD && spec.flags() != null && !(goOmitEmpty && spec.flags().isEmpty())) {
      out.put("flags", spec.flags().stream().map(SeccompFlag::wireName).toList());
    }
    return out;
  }

  public static List<Object> encodeSyscalls(List<Syscall> syscalls, boolean goOmitEmpty) {
    List<Object> list = new ArrayList<>(syscalls.size());
    for (Syscall s : syscalls) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      m.put("names", s.names());
      m.put("action", s.action().wireName());
      if (s.errnoRet() != null && !(goOmitEmpty && s.errnoRet() == 0)) {
        m.put("errnoRet", s.errnoRet());
      }
      if (!s.args().isEmpty()) {
        List<Object> args = new ArrayList<>(s.args().size());
        for (SyscallArg a : s.args()) {
          Map<String, @Nullable Object> am = new LinkedHashMap<>();
          am.put("index", a.index());
          putUnsigned(am, "value", a.value());
          putUnsigned(am, "valueTwo", a.valueTwo());
          am.put("op", a.op().wireName());
          args.add(am);
        }
        m.put("args", args);
      }
      list.add(m);
    }
    return list;
  }

  private static final JsonFactory JSON = JsonFactory.builder().build();

  /**
   * The compact JSON of {@link #encodeSyscalls(List, boolean)}, streamed without building the
   * intermediate tree: SPO's {@code syscalls} annotation is written for every composed profile.
   */
  public static String syscallsJson(List<Syscall> syscalls, boolean goOmitEmpty) {
    StringWriter out = new StringWriter(syscalls.size() * 64 + 2);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartArray();
      for (Syscall s : syscalls) {
        g.writeStartObject();
        g.writeName("names");
        g.writeStartArray();
        for (String name : s.names()) {
          g.writeString(name);
        }
        g.writeEndArray();
        g.writeName("action");
        g.writeString(s.action().wireName());
        if (s.errnoRet() != null && !(goOmitEmpty && s.errnoRet() == 0)) {
          g.writeName("errnoRet");
          g.writeNumber(s.errnoRet());
        }
        if (!s.args().isEmpty()) {
          g.writeName("args");
          g.writeStartArray();
          for (SyscallArg a : s.args()) {
            g.writeStartObject();
            g.writeName("index");
            g.writeNumber(a.index());
            writeUnsigned(g, "value", a.value());
            writeUnsigned(g, "valueTwo", a.valueTwo());
            g.writeName("op");
            g.writeString(a.op().wireName());
            g.writeEndObject();
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    return out.toString();
  }

  private static void writeUnsigned(JsonGenerator g, String name, long value) {
    if (value == 0) {
      return;
    }
    g.writeName(name);
    if (value > 0) {
      g.writeNumber(value);
    } else {
      g.writeNumber(new BigInteger(Long.toUnsignedString(value)));
    }
  }

  /** Zero is the schema default of both dialects and is left out, as Go's omitempty does. */
  private static void putUnsigned(Map<String, @Nullable Object> out, String key, long value) {
    if (value != 0) {
      out.put(key, value > 0 ? (Object) value : new BigInteger(Long.toUnsignedString(value)));
    }
  }
}
