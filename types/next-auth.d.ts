import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    securityStamp?: string;
  }
  interface Session {
    securityStamp?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    stamp?: string;
  }
}
