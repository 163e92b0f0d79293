/**
 * Words that carry no subject in a question or a rule: function words, question words, chat fillers.
 * They are dropped before matching and do not count when deciding whether a question is covered.
 */
const WORDS = `ada adalah adanya agar akan akankah aku amat anda antara antar apa apaan apabila apakah apalagi atas atau
  bagaimana bagaimanakah bagi bahkan bahwa baik banyak barang bawah beberapa begini begitu belum benar
  berapa berapakah beri betul biar biasa biasanya bila bisa bukan bukankah cuma dahulu dalam dan dapat
  dari daripada demi dengan di dia dianggap dimana dong dulu entah gimana hal hampir hanya harus hendak hingga ia ialah ingin
  ini itu iya jadi jangan jika jikalau juga justru kah kalau kali kalian kami kamu kan kapan karena kata ke kecuali
  kemana kemudian kenapa kepada kepadanya ketika kini kita kok lagi lah lain lainnya lalu maka makanya mampu mana
  manakah masih maupun melainkan memang mengapa menjadi merasa mereka meski meskipun misal misalnya mohon mungkin
  nah namun nanti nih nya oleh pada padahal para pula pun saat saja sama sambil sampai sang sangat saya
  sebab sebagai sebagaimana sebelum sebenarnya secara sedang sedangkan sehingga sekali sekarang selain selalu selama semasa
  seluruh semua sendiri seperti seorang sepertinya sering serta sesuatu setelah setiap siapa siapakah sih sini
  situ soal sudah supaya tadi tahu tanpa tapi tentang terhadap tersebut tetapi terus tidak toh tolong tuh untuk wah
  walau walaupun ya yaitu yakni yang deh dah kak pak bu bapak ibu mas mbak min admin halo hai terima kasih terimakasih makasih
  thanks tks pls please permisi maaf tanya bertanya pertanyaan nanya bingung jelaskan jelasin sebutkan apakah
  kira kira2 sebetulnya gitu begitu dimaksud maksudnya maksud intinya ok oke sip mantap menurut`
  .split(/\s+/)
  .filter(Boolean);

/**
 * The words above, and each with the question particle "-kah" ("adakah", "mungkinkah", "bisakah",
 * "haruskah"): a function word that asks is still a function word.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([...WORDS, ...WORDS.filter((w) => !w.endsWith('kah') && /^[a-z]+$/.test(w)).map((w) => `${w}kah`)]);
