import ipaddr from 'ipaddr.js';

type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

// IPv6 outside 2000::/3 is not assigned for global unicast, whatever ipaddr.js calls it
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3') as [ipaddr.IPv6, number];

/**
 * Where the service may connect on a tenant's behalf (its identity provider's key set): a
 * public unicast address, or one inside a network the operator allowed for private identity
 * providers (IDP_PRIVATE_NETWORKS). Loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, multicast, reserved and documentation ranges are
 * refused, and so is an IPv6 address that embeds an IPv4 one, unless it maps to a public one.
 */
export class AddressPolicy {
  private readonly allowed: Network[];

  constructor(privateNetworks: readonly string[] = []) {
    this.allowed = privateNetworks.map((cidr) => ipaddr.parseCIDR(cidr) as Network);
  }

  /** Parses IDP_PRIVATE_NETWORKS: CIDRs, comma-separated; throws naming a wrong one. */
  static fromList(list: string | undefined): AddressPolicy {
    const cidrs = (list ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const c of cidrs)
      if (!ipaddr.isValidCIDR(c)) throw new Error(`not a network in CIDR notation: ${c}`);
    return new AddressPolicy(cidrs);
  }

  /** Whether a connection to `address` (an IP literal) is allowed. */
  allows(address: string): boolean {
    let ip: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      ip = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
    } catch {
      return false;
    }
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
      ip = (ip as ipaddr.IPv6).toIPv4Address();
    if (this.allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits)))
      return true;
    if (ip.range() !== 'unicast') return false;
    return ip.kind() === 'ipv4' || ip.match(GLOBAL_UNICAST_V6);
  }

  /**
   * Why a URL is refused before any lookup (a literal address, or a name that is loopback by
   * definition), or null. Names are checked again, after resolution, when connecting.
   */
  literalProblem(url: URL): string | null {
    // a fully qualified name ("localhost.") is the same name
    const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
    if (ipaddr.isValid(host))
      return this.allows(host)
        ? null
        : 'must not point at a private, loopback, link-local or reserved address';
    if (host === 'localhost' || host.endsWith('.localhost'))
      return 'must not point at a private, loopback, link-local or reserved address';
    return null;
  }
}
