import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/dal/accounts";
import { log } from "@/lib/log";
import { credentialsSchema } from "@/lib/validation/account";
import { originFromHeaders } from "./request-origin";
import { authSecret } from "./secret";

/**
 * next-auth v5 with one Credentials provider. The browser sends the master password hash it derived
 * (DESIGN §4), never the password. Sessions are JWTs carrying the user id and security stamp; every request
 * re-checks the stamp against the database (lib/auth/session.ts), so rotating it ends every session.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 24 * 60 * 60, updateAge: 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is an ordinary answer (and an event in the log), not a server error with a stack trace.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin") return;
      log.error({ err: { name: error.name, message: error.message } }, "authentication error");
    },
    warn(code) {
      log.warn({ code }, "authentication warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: { type: "email" }, masterPasswordHash: { type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyCredentials(parsed.data.email, parsed.data.masterPasswordHash, originFromHeaders(request.headers));
        if (!user) return null;
        return { id: user.id, email: user.email, name: user.name, securityStamp: user.securityStamp };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.stamp = user.securityStamp;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.securityStamp = token.stamp;
      return session;
    },
  },
});
