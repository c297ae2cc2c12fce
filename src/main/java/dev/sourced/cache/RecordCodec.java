package dev.sourced.cache;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the parse stage's records to a {@link DataOutput} and reads them back, by the records' own
 * shape: each component in declaration order, typed by its declared (generic) type. Strings,
 * numbers, dates, paths, enums (by name), lists, sets, records and sealed interfaces of records (by
 * the index of the permitted subclass) are known; one type may be handled by the caller (the body
 * HTML, which lives in another file). Every value that can be null is preceded by a presence byte.
 * A string already written in the same call is written as its number (see {@link Call}).
 *
 * <p>Why by reflection rather than one hand-written method per record: the model has some twenty
 * records that grow a component now and then; a hand-kept writer and reader per record would be
 * twenty places to forget. The layout follows the classes, so a changed record changes the layout,
 * and the cache file names the tool build it was written by (see {@link ToolIdentity}): a file from
 * another build is never read with this layout.
 */
final class RecordCodec {
  /** A type the caller writes and reads itself. */
  interface Custom<T> {
    void write(DataOutput out, T value) throws IOException;

    T read(DataInput in) throws IOException;
  }

  private final Class<?> customType;
  private final Custom<Object> custom;

  /** The compiled layout of each type met so far, shared by every codec (see {@link Node}). */
  private static final Map<Type, Node> nodes = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  <T> RecordCodec(Class<T> customType, Custom<T> custom) {
    this.customType = customType;
    this.custom = (Custom<Object>) custom;
  }

  /**
   * How one declared type is written and read, worked out once per type: which kind of value it is,
   * a record's accessors and canonical constructor, a sealed interface's permitted classes, a
   * collection's element type. Looking these up per value (each call of {@code
   * getPermittedSubclasses} and {@code getActualTypeArguments} makes new arrays) cost more than the
   * decoding itself. The nodes of a type's parts are found when first used, so a record that holds
   * itself is no trouble.
   */
  private abstract static class Node {
    abstract void write(Call c, DataOutput out, Object value) throws IOException;

    abstract Object read(Call c, DataInput in) throws IOException;
  }

  /** A node found when first used. */
  private static final class Later {
    private final Type type;
    private Node node;

    Later(Type type) {
      this.type = type;
    }

    Node get() {
      Node n = node;
      if (n == null) node = n = node(type);
      return n;
    }
  }

  /** The node of a declared type: its presence byte (or permitted class's index) and value. */
  private static Node node(Type type) {
    Node n = nodes.get(type);
    if (n == null) {
      n = compile(type);
      Node had = nodes.putIfAbsent(type, n);
      if (had != null) n = had;
    }
    return n;
  }

  /** A boolean or int, primitive or boxed behind its presence byte: written as DataOutput does. */
  private static final Node BOOLEAN =
      new Node() {
        void write(Call c, DataOutput out, Object v) throws IOException {
          out.writeBoolean((Boolean) v);
        }

        Object read(Call c, DataInput in) throws IOException {
          return in.readBoolean();
        }
      };

  private static final Node INT =
      new Node() {
        void write(Call c, DataOutput out, Object v) throws IOException {
          out.writeInt((Integer) v);
        }

        Object read(Call c, DataInput in) throws IOException {
          return in.readInt();
        }
      };

  private static Node compile(Type type) {
    Class<?> raw = raw(type);
    if (raw == boolean.class) return BOOLEAN;
    if (raw == int.class) return INT;
    if (raw == long.class) {
      return new Node() {
        void write(Call c, DataOutput out, Object v) throws IOException {
          out.writeLong((Long) v);
        }

        Object read(Call c, DataInput in) throws IOException {
          return in.readLong();
        }
      };
    }
    if (raw.isSealed() && raw.isInterface()) return new Sealed(raw);
    if (raw == String.class) return new StringNode();
    Node value = value(type);
    return new Node() {
      void write(Call c, DataOutput out, Object v) throws IOException {
        if (v == null) {
          out.writeByte(0);
          return;
        }
        out.writeByte(1);
        value.write(c, out, v);
      }

      Object read(Call c, DataInput in) throws IOException {
        int tag = in.readUnsignedByte();
        if (tag == 0) return null;
        if (tag != 1) throw new IOException("bad presence byte " + tag);
        return value.read(c, in);
      }
    };
  }

  /** A sealed interface of records: 0 for null, else 1 + the index of the permitted class. */
  private static final class Sealed extends Node {
    private final Class<?> raw;
    private final Class<?>[] permitted;
    private final Node[] values;

    Sealed(Class<?> raw) {
      this.raw = raw;
      this.permitted = raw.getPermittedSubclasses();
      this.values = new Node[permitted.length];
      for (int i = 0; i < permitted.length; i++) values[i] = value(permitted[i]);
    }

    @Override
    void write(Call c, DataOutput out, Object v) throws IOException {
      if (v == null) {
        out.writeByte(0);
        return;
      }
      Class<?> k = v.getClass();
      for (int i = 0; i < permitted.length; i++) {
        if (permitted[i] == k) {
          out.writeByte(i + 1);
          values[i].write(c, out, v);
          return;
        }
      }
      throw new IllegalStateException("not a permitted subclass: " + k);
    }

    @Override
    Object read(Call c, DataInput in) throws IOException {
      int tag = in.readUnsignedByte();
      if (tag == 0) return null;
      if (tag > permitted.length) throw new IOException("unknown kind " + tag + " of " + raw);
      return values[tag - 1].read(c, in);
    }
  }

  /** The node of a present value of a declared type (no presence byte). */
  private static Node value(Type type) {
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return new Node() {
        void write(Call c, DataOutput out, Object v) throws IOException {
          writeString(out, (String) v);
        }

        Object read(Call c, DataInput in) throws IOException {
          return readString(in);
        }
      };
    }
    if (raw == Integer.class) return INT;
    if (raw == Boolean.class) return BOOLEAN;
    if (raw == LocalDate.class) {
      return new Node() {
        void write(Call c, DataOutput out, Object v) throws IOException {
          out.writeLong(((LocalDate) v).toEpochDay());
        }

        Object read(Call c, DataInput in) throws IOException {
          return LocalDate.ofEpochDay(in.readLong());
        }
      };
    }
    if (raw == BigDecimal.class) {
      return new Node() {
        void write(Call c, DataOutput out, Object v) throws IOException {
          writeString(out, v.toString());
        }

        Object read(Call c, DataInput in) throws IOException {
          return new BigDecimal(readString(in));
        }
      };
    }
    if (raw == Path.class) {
      return new Node() {
        void write(Call c, DataOutput out, Object v) throws IOException {
          writeString(out, v.toString());
        }

        Object read(Call c, DataInput in) throws IOException {
          return Path.of(readString(in));
        }
      };
    }
    if (raw.isEnum()) return new EnumNode(raw);
    if (List.class == raw || Set.class == raw) {
      Later element = new Later(((ParameterizedType) type).getActualTypeArguments()[0]);
      boolean list = raw == List.class;
      return new Node() {
        void write(Call c, DataOutput out, Object v) throws IOException {
          Collection<?> col = (Collection<?>) v;
          out.writeInt(col.size());
          Node e = element.get();
          for (Object o : col) e.write(c, out, o);
        }

        @SuppressWarnings("unchecked")
        Object read(Call c, DataInput in) throws IOException {
          int n = size(in);
          Node e = element.get();
          if (list) {
            Object[] a = new Object[n];
            for (int i = 0; i < n; i++) a[i] = e.read(c, in);
            return Collections.unmodifiableList(Arrays.asList(a));
          }
          Set<Object> s = new LinkedHashSet<>();
          for (int i = 0; i < n; i++) s.add(e.read(c, in));
          return Collections.unmodifiableSet(s);
        }
      };
    }
    if (Map.class == raw) {
      Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
      Later key = new Later(kv[0]);
      Later val = new Later(kv[1]);
      return new Node() {
        void write(Call c, DataOutput out, Object v) throws IOException {
          Map<?, ?> m = (Map<?, ?>) v;
          out.writeInt(m.size());
          Node k = key.get();
          Node x = val.get();
          for (Map.Entry<?, ?> e : m.entrySet()) {
            k.write(c, out, e.getKey());
            x.write(c, out, e.getValue());
          }
        }

        Object read(Call c, DataInput in) throws IOException {
          int n = size(in);
          Node k = key.get();
          Node x = val.get();
          Map<Object, Object> m = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) m.put(k.read(c, in), x.read(c, in));
          return Collections.unmodifiableMap(m);
        }
      };
    }
    return new Other(raw);
  }

  /** An enum, by its constant's name. */
  private static final class EnumNode extends Node {
    private final Class<?> raw;
    private final Map<String, Object> byName = new HashMap<>();

    EnumNode(Class<?> raw) {
      this.raw = raw;
      for (Object o : raw.getEnumConstants()) byName.put(((Enum<?>) o).name(), o);
    }

    @Override
    void write(Call c, DataOutput out, Object v) throws IOException {
      writeString(out, ((Enum<?>) v).name());
    }

    @Override
    Object read(Call c, DataInput in) throws IOException {
      String name = readString(in);
      Object o = byName.get(name);
      if (o == null) throw new IOException("unknown " + raw.getSimpleName() + " " + name);
      return o;
    }
  }

  /**
   * The caller's own type, or a record: its components in order, made again through its canonical
   * constructor; anything else has no layout.
   */
  private static final class Other extends Node {
    private final Class<?> raw;
    private final Method[] accessors;
    private final Later[] components;
    private final Constructor<?> constructor;

    Other(Class<?> raw) {
      this.raw = raw;
      if (!raw.isRecord()) {
        accessors = null;
        components = null;
        constructor = null;
        return;
      }
      RecordComponent[] rc = raw.getRecordComponents();
      accessors = new Method[rc.length];
      components = new Later[rc.length];
      Class<?>[] types = new Class<?>[rc.length];
      for (int i = 0; i < rc.length; i++) {
        accessors[i] = rc[i].getAccessor();
        accessors[i].setAccessible(true);
        components[i] = new Later(rc[i].getGenericType());
        types[i] = rc[i].getType();
      }
      try {
        constructor = raw.getDeclaredConstructor(types);
        constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("record without canonical constructor: " + raw, e);
      }
    }

    @Override
    void write(Call c, DataOutput out, Object v) throws IOException {
      if (raw == c.codec.customType) {
        c.codec.custom.write(out, v);
        return;
      }
      if (constructor == null) throw new IllegalStateException("no layout for " + raw);
      for (int i = 0; i < accessors.length; i++) {
        Object x;
        try {
          x = accessors[i].invoke(v);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        components[i].get().write(c, out, x);
      }
    }

    @Override
    Object read(Call c, DataInput in) throws IOException {
      if (raw == c.codec.customType) return c.codec.custom.read(in);
      if (constructor == null) throw new IOException("no layout for " + raw);
      Object[] args = new Object[components.length];
      for (int i = 0; i < args.length; i++) args[i] = components[i].get().read(c, in);
      try {
        return constructor.newInstance(args);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IOException("cannot make " + raw.getSimpleName() + ": " + e, e);
      }
    }
  }

  void write(DataOutput out, Type type, Object value) throws IOException {
    node(type).write(new Call(this), out, value);
  }

  Object read(DataInput in, Type type) throws IOException {
    return node(type).read(new Call(this), in);
  }

  /** Strings shorter than this are always written out; longer ones once per call. */
  static final int SHARED_LENGTH = 8;

  /**
   * One call of {@link #write} or {@link #read}: the codec, and the strings of at least {@link
   * #SHARED_LENGTH} chars met so far, so that a string written again (the file's path in every
   * position of a page's parse, a repeated hint) is written as its number and read back as the one
   * string: a page's parse had its path some forty times over.
   */
  private static final class Call {
    final RecordCodec codec;
    private Map<String, Integer> written;
    private List<String> read;

    Call(RecordCodec codec) {
      this.codec = codec;
    }
  }

  /**
   * A string, behind its presence byte: 0 for null, 1 for a string written out, 2 for one written
   * earlier in the same call, followed by its number (in order of first writing, counting only
   * strings of at least {@link #SHARED_LENGTH} chars).
   */
  private static final class StringNode extends Node {
    @Override
    void write(Call c, DataOutput out, Object v) throws IOException {
      if (v == null) {
        out.writeByte(0);
        return;
      }
      String s = (String) v;
      if (s.length() >= SHARED_LENGTH) {
        if (c.written == null) c.written = new HashMap<>();
        Integer number = c.written.putIfAbsent(s, c.written.size());
        if (number != null) {
          out.writeByte(2);
          out.writeInt(number);
          return;
        }
      }
      out.writeByte(1);
      writeString(out, s);
    }

    @Override
    Object read(Call c, DataInput in) throws IOException {
      int tag = in.readUnsignedByte();
      if (tag == 0) return null;
      if (tag == 2) {
        int number = in.readInt();
        if (c.read == null || number < 0 || number >= c.read.size()) {
          throw new IOException("no string " + number + " before");
        }
        return c.read.get(number);
      }
      if (tag != 1) throw new IOException("bad presence byte " + tag);
      String s = readString(in);
      if (s.length() >= SHARED_LENGTH) {
        if (c.read == null) c.read = new ArrayList<>();
        c.read.add(s);
      }
      return s;
    }
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) return c;
    if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    throw new IllegalStateException("no layout for " + t);
  }

  private static int size(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 26) throw new IOException("bad length " + n);
    return n;
  }

  /**
   * A string as UTF-8, or as UTF-16 code units when it holds a lone surrogate (which UTF-8 cannot
   * carry), so that every string reads back exactly as it was.
   */
  static void writeString(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    // The encoder writes '?' for a lone surrogate, so a string that gave no '?' is well formed
    // (looking at each character of every string was most of writing the build's record).
    if (noQuestionMark(b) || wellFormed(s)) {
      out.writeInt(b.length);
      out.write(b);
    } else {
      out.writeInt(-1 - s.length());
      out.writeChars(s);
    }
  }

  /** Writes a count, then each string (see {@link #readStrings}). */
  static void writeStrings(DataOutput out, java.util.Collection<String> strings)
      throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) writeString(out, s);
  }

  /** A count of what follows, as written by {@code writeInt}: never negative in a whole file. */
  static int readCount(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) throw new IOException("a negative count");
    return n;
  }

  /** Reads what {@link #writeStrings} wrote. */
  static List<String> readStrings(DataInput in) throws IOException {
    int n = readCount(in);
    List<String> out = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) out.add(readString(in));
    return out;
  }

  static String readString(DataInput in) throws IOException {
    if (in instanceof Input a) return a.readString();
    int n = in.readInt();
    if (n < 0) {
      int chars = -1 - n;
      if (chars > 1 << 26) throw new IOException("bad length " + n);
      char[] c = new char[chars];
      for (int i = 0; i < chars; i++) c[i] = in.readChar();
      return new String(c);
    }
    if (n > 1 << 28) throw new IOException("bad length " + n);
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static boolean noQuestionMark(byte[] b) {
    for (byte x : b) if (x == '?') return false;
    return true;
  }

  static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A {@link DataInput} over part of a byte array, reading straight from the array: a {@code
   * DataInputStream} makes four calls of its stream per int and copies every string's bytes once
   * more before decoding them.
   */
  static final class Input implements DataInput {
    private final byte[] b;
    private int pos;
    private final int end;

    Input(byte[] b, int from, int length) {
      this.b = b;
      this.pos = from;
      this.end = from + length;
    }

    private int take(int n) throws IOException {
      int at = pos;
      if (n > end - at) throw new EOFException();
      pos = at + n;
      return at;
    }

    @Override
    public void readFully(byte[] to) throws IOException {
      readFully(to, 0, to.length);
    }

    @Override
    public void readFully(byte[] to, int off, int len) throws IOException {
      System.arraycopy(b, take(len), to, off, len);
    }

    @Override
    public int skipBytes(int n) {
      int k = Math.max(0, Math.min(n, end - pos));
      pos += k;
      return k;
    }

    @Override
    public boolean readBoolean() throws IOException {
      return b[take(1)] != 0;
    }

    @Override
    public byte readByte() throws IOException {
      return b[take(1)];
    }

    @Override
    public int readUnsignedByte() throws IOException {
      return b[take(1)] & 0xff;
    }

    @Override
    public short readShort() throws IOException {
      int at = take(2);
      return (short) (((b[at] & 0xff) << 8) | (b[at + 1] & 0xff));
    }

    @Override
    public int readUnsignedShort() throws IOException {
      return readShort() & 0xffff;
    }

    @Override
    public char readChar() throws IOException {
      return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
      int at = take(4);
      return ((b[at] & 0xff) << 24)
          | ((b[at + 1] & 0xff) << 16)
          | ((b[at + 2] & 0xff) << 8)
          | (b[at + 3] & 0xff);
    }

    @Override
    public long readLong() throws IOException {
      return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
    }

    @Override
    public float readFloat() throws IOException {
      return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
      return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readLine() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String readUTF() throws IOException {
      return DataInputStream.readUTF(this);
    }

    /** As {@link RecordCodec#readString}, decoding UTF-8 where it lies in the array. */
    String readString() throws IOException {
      int n = readInt();
      if (n < 0) {
        int chars = -1 - n;
        if (chars > 1 << 26) throw new IOException("bad length " + n);
        char[] c = new char[chars];
        for (int i = 0; i < chars; i++) c[i] = readChar();
        return new String(c);
      }
      if (n > 1 << 28) throw new IOException("bad length " + n);
      return new String(b, take(n), n, StandardCharsets.UTF_8);
    }
  }
}
