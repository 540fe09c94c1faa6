package org.yggdrasil.pgwire.testing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A raw-socket client that speaks bytes, for tests against a running server. */
public final class WireClient implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  public WireClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
    out = socket.getOutputStream();
  }

  /** Connects and completes startup; returns this. */
  public static WireClient connect(int port) throws IOException {
    WireClient c = new WireClient(port);
    c.send(Frontend.create().startup("user", "ygg", "database", "ygg"));
    c.readUntilReady();
    return c;
  }

  public WireClient send(Frontend f) throws IOException {
    out.write(f.bytes());
    out.flush();
    return this;
  }

  public BackendMessage read() throws IOException {
    char type = (char) in.readUnsignedByte();
    int len = in.readInt();
    byte[] body = new byte[len - 4];
    in.readFully(body);
    return new BackendMessage(type, body);
  }

  /** Reads messages up to and including ReadyForQuery. */
  public List<BackendMessage> readUntilReady() throws IOException {
    List<BackendMessage> messages = new ArrayList<>();
    BackendMessage m;
    do {
      m = read();
      messages.add(m);
    } while (m.type() != 'Z');
    return messages;
  }

  /** True when the server has closed the connection (EOF), after reading what is left. */
  public boolean closedByServer() throws IOException {
    try {
      while (true) {
        read();
      }
    } catch (EOFException e) {
      return true;
    } catch (java.net.SocketException e) {
      return true; // reset
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
