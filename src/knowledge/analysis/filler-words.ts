/**
 * Everyday words that frame a question without naming its subject: feelings, discourse markers, time,
 * generic verbs ("saya takut", "kemarin kadis bilang", "gimana caranya"). When the knowledge base does
 * not contain such a word, that says nothing about whether it covers the question, so these words weigh
 * little in the abstention decision. Subject words the base lacks (gaji, CPNS, pajak) keep full weight.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  `jujur takut khawatir cemas ragu yakin bingung penasaran heran kaget senang sedih susah mudah gampang sulit ribet
  repot pusing capek bosan kesal marah malu bangga berharap harap semoga mudah2an moga insyaallah alhamdulillah
  bilang dibilang ngomong omong kata katanya denger dengar mendengar dengar2 denger2 kabarnya konon rumor info
  informasi tahu ngerti mengerti paham pahami memahami pikir mikir kira rasa merasa kayaknya sepertinya mungkin
  kemarin kmrn kemaren besok lusa tadi nanti barusan dulu dahulu sekarang skrng kini baru terbaru lama
  pagi siang sore malam minggu pekan hari bulan tahun kapan2 sering jarang selalu kadang kadang2 biasanya
  sebenarnya sebenernya sbnrnya sebetulnya beneran bener benar betul emang memang pokoknya intinya singkatnya
  pakai pake dipakai memakai make ambil diambil coba mencoba dicoba mulai memulai dimulai lanjut lanjutkan
  jalan berjalan jalanin menjalankan dijalankan jalankan lihat liat melihat dilihat cek ngecek dicek periksa
  tanya tanyakan nanya ditanya jawab jawaban jelasin jelaskan dijelaskan jelas kasih dikasih minta diminta
  bantu bantuan membantu dibantu tolong mohon izin permisi punten maaf makasih terimakasih
  kami kita saya aku gue kalian mereka beliau bapak ibu pak bu bro sis kak mas mbak min admin om tante
  teman temen kawan rekan kolega atasan bawahan bos senior junior staf staff pegawai kantor
  ini itu tersebut tadi sana sini situ begini begitu gitu gini kayak seperti mirip sama beda
  banyak sedikit semua seluruh sebagian beberapa macam macem jenis2 hal2 sesuatu apapun siapapun kapanpun
  cukup kurang lebih paling sangat sekali banget amat terlalu agak lumayan hampir cuma hanya saja doang
  ok oke okey sip siap mantap baik bagus keren hebat parah aneh lucu
  ya iya yes no nggak tidak enggak bukan belum sudah udah masih lagi juga pun
  sih dong deh kok kan lho loh toh nih tuh yuk ayo wah waduh aduh astaga hehe haha wkwk
  contoh misal misalnya umpama seandainya andai kalau jika apabila bila
  tertentu tertentunya khusus umum biasa normal standar resmi official
  caranya gimana bagaimana gmn apa apaan siapa kenapa mengapa dimana kemana darimana berapa
  kah lah tah pun nya mu ku
  dll dsb dst etc
  perlu butuh harus wajibkah bolehkah bisakah apakah
  tim kelompok bagian divisi unit seksi bidang
  kota kabupaten provinsi desa kecamatan kelurahan daerah wilayah setempat sebelah tetangga lokal
  sistem proses tahap langkah alur mekanisme prosedur aturan ketentuan regulasi dasar hukum payung
  total full penuh sama sekali sepenuhnya detail detil rinci lengkap singkat
  by the of and or to in on for is are law rule please thanks thank you next step steps what how who when
  kelanjutan selanjutnya berikutnya habis setelahnya
  taruh ditaruh menaruh letak diletakkan meletakkan simpan disimpan menyimpan masuk masukkan dimasukkan keluar
  siklus putaran alur rangkaian urutan awal akhir mulai selesai sampai hingga tengah pertengahan
  bunyi berbunyi bunyinya kutip dikutip mengutip tulis ditulis menulis tulisan sebut disebut menyebut sebutan
  kecamatan kelurahan kantor unit bagian ruang gedung lapangan tempat lokasi wilayah kami kita
  baru pertama kali sekali lagi terus tetap masih sudah pernah belum nanti segera langsung
  urus mengurus diurus kerja bekerja kerjakan dikerjakan pekerjaan tugas bertugas ditugaskan
  awam pemula paham bingung ragu mohon maaf izin bertanya pertanyaan jawaban penjelasan pencerahan arahan
  ingin mau hendak rencana berencana merencanakan dirancang siap menyiapkan disiapkan persiapan
  sedang lagi tengah sempat biasa biasanya umumnya sering kadang jarang
  orang pihak seseorang siapapun semua setiap masing beberapa banyak
  bapak ibu saudara kakak adik teman rekan tim kelompok
  hal cara sebab akibat alasan maksud tujuannya gimana bagaimanakah
  dokumen berkas file lampiran format contoh template draf draft
  sejak semenjak selama sepanjang tahun ini sekarang kemarin tadi nanti
  boleh bisa dapat harus wajib perlu mesti sebaiknya seharusnya
  aja doang saja pula juga lah kah kok sih dong deh nih tuh ya yah
  do does did can could should would will shall might must have has had be been being get got make made
  it its this that these those there here we our us you your they their them he she his her
  mandatory optional allowed
  program kegiatan acara proyek projek rapat pertemuan forum agenda urusan persoalan masalah kasus
  dijadikan jadikan dijadiin dibikin bikin dibuat membuat pembuatan ubah diubah mengubah ganti diganti
  bayar dibayar membayar berbayar gratis temu nemu ketemu menemukan ditemukan kasus indikasi`
    .split(/\s+/)
    .filter(Boolean),
);
