/* SPDX-License-Identifier: MIT */
/*
 * The audit chain.
 *
 * Entry i carries h_i = BLAKE2b-256 keyed by the caller's key over a
 * canonical encoding of the entry followed by h_{i-1} (h_0 = 32 zero bytes).
 * The encoding is unambiguous: a version tag, fixed-width little-endian
 * integers, and every string prefixed by its length, so no two different
 * entries encode alike.  Changing any field of an entry breaks its own hash;
 * removing or reordering entries breaks the sequence numbers and the link to
 * the previous hash; cutting the tail is caught by comparing the last hash
 * with the head the owner stored elsewhere.  Without the key nobody can
 * recompute a consistent chain after an edit.
 */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include "route_priv.h"

static void
put_u64(crypto_generichash_state *st, uint64_t v)
{
	unsigned char b[8];
	int i;
	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	crypto_generichash_update(st, b, 8);
}

static void
put_str(crypto_generichash_state *st, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;
	put_u64(st, (uint64_t)n);
	if (n > 0)
		crypto_generichash_update(st, (const unsigned char *)s, n);
}

int
mi_audit_hash(unsigned char out[MI_HASH_BYTES], const mediate_audit_entry *e, const unsigned char prev[MI_HASH_BYTES],
              const unsigned char *key, size_t keylen)
{
	static const unsigned char tag[] = "libmediate audit v1";
	crypto_generichash_state st;

	if (crypto_generichash_init(&st, key, keylen, MI_HASH_BYTES) != 0)
		return mi_err(MEDIATE_EINTERNAL, "audit: hash initialisation failed");
	crypto_generichash_update(&st, tag, sizeof tag);
	put_u64(&st, e->seq);
	put_u64(&st, (uint64_t)e->time);
	put_u64(&st, e->order);
	put_u64(&st, (uint64_t)e->due);
	put_str(&st, e->actor);
	put_str(&st, e->unit);
	put_str(&st, e->department);
	put_str(&st, e->action);
	put_str(&st, e->from);
	put_str(&st, e->to);
	put_str(&st, e->details);
	crypto_generichash_update(&st, prev, MI_HASH_BYTES);
	crypto_generichash_final(&st, out, MI_HASH_BYTES);
	return 0;
}

mediate_status
mediate_audit_verify(size_t *bad, const mediate_audit_entry *entries, size_t n,
                     const unsigned char expected_head[MEDIATE_AUDIT_HASH_BYTES], const unsigned char *key, size_t keylen)
{
	unsigned char prev[MI_HASH_BYTES], h[MI_HASH_BYTES];
	size_t i;
	int rc;

	if ((entries == NULL && n > 0) || expected_head == NULL || key == NULL)
		return mi_err(MEDIATE_EINVAL, "audit verify: NULL argument");
	if (keylen < crypto_generichash_KEYBYTES_MIN || keylen > crypto_generichash_KEYBYTES_MAX)
		return mi_err(MEDIATE_EINVAL, "audit verify: the key must have 16 to 64 bytes, not %zu", keylen);
	if (sodium_init() < 0)
		return mi_err(MEDIATE_EINTERNAL, "audit verify: libsodium failed to initialise");
	memset(prev, 0, sizeof prev);
	for (i = 0; i < n; i++) {
		const mediate_audit_entry *e = &entries[i];
		if (e->seq != (uint64_t)i + 1) {
			if (bad != NULL)
				*bad = i;
			return mi_err(MEDIATE_ETAMPER, "audit: entry %zu has sequence number %llu, expected %zu"
			              " (an entry was removed, inserted or moved)", i, (unsigned long long)e->seq, i + 1);
		}
		if ((rc = mi_audit_hash(h, e, prev, key, keylen)) != 0)
			return rc;
		if (sodium_memcmp(h, e->hash, MI_HASH_BYTES) != 0) {
			if (bad != NULL)
				*bad = i;
			return mi_err(MEDIATE_ETAMPER, "audit: entry %zu (seq %llu) does not match its hash"
			              " (it was changed, or the entry before it was)", i, (unsigned long long)e->seq);
		}
		memcpy(prev, h, MI_HASH_BYTES);
	}
	if (sodium_memcmp(prev, expected_head, MI_HASH_BYTES) != 0) {
		if (bad != NULL)
			*bad = n;
		return mi_err(MEDIATE_ETAMPER, "audit: the trail of %zu entries does not end at the stored head"
		              " (entries were cut off the end)", n);
	}
	if (bad != NULL)
		*bad = n;
	return MEDIATE_OK;
}
