// The body both baseline servers accept on POST /api/v1/contacts (bench/read.ts sends it).
export interface ContactBody {
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  notes?: string;
}
