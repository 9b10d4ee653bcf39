/*
 * The words, letters and characters langid tells languages apart by, and
 * the languages of the buyers' countries: see langid_words.h.  Written for
 * cskit from what buyers type in chat: function words first, then shop and
 * chat words, slang and spellings without accents.
 */
#include "langid_words.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

const char *const li_tags[LI_NSCORED] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da",
	"no", "fi", "tr", "id", "ms", "vi", "cs", "sk", "ro", "hu",
	"ru", "uk", "bg",
};

const struct li_words li_word_lists[] = {
	{ LI_EN, 1, "the a an and is are was were be been am i im ive id ill "
	    "you your youre u ur my me mine it its this that these "
	    "those to of for in on at with from by not no yes yeah "
	    "yep dont doesnt didnt cant wont isnt wasnt havent hasnt "
	    "arent please pls plz thanks thank thx ty hi hello hey "
	    "still yet where when what why how which who whats "
	    "wheres hows can could would should will do does did "
	    "have has had get got just but or if so any some there "
	    "their they them we our us he she his her him about "
	    "after before again back more very much too only also "
	    "here now then than want need know see sent send "
	    "received receive arrive arrived came come coming "
	    "ordered package parcel item items money refund returned "
	    "shipping shipped delivery delivered tracking buy bought "
	    "color colour cancel broken damaged wrong help week "
	    "weeks days ago today tomorrow yesterday every time "
	    "someone anyone nobody nothing something good great cool "
	    "lol sure fine charged twice instead one two three guys "
	    "stuff update answer reply respond waiting wait long fit "
	    "work works working doesnt thats theres gonna wanna let "
	    "lets tell told asked ask same other another never ever "
	    "already really please nvm omg btw tho though because "
	    "cuz cause could got gotten cheers regards dear sir "
	    "madam morning afternoon evening hiii heyy ordered "
	    "replacement exchange should wrong missing anything size "
	    "chart stock status policy label window return returns "
	    "eta date leather compatible question hours opening "
	    "unsubscribe sounds bot customer care review quality "
	    "material fee fees delivery invoice receipt gift wrap "
	    "promo available availability restock preorder "
	    "waterproof genuine fake real sizing outdoor use ship "
	    "christmas estimated arrival when will does this come "
	    "how much long take cost shipping options express "
	    "standard lost stolen porch driver courier tracked "
	    "signed left neighbor neighbour mailbox doorstep" },
	{ LI_EN, 2, "the and is are you your my with what where when why how "
	    "thanks thank please still have has would should could "
	    "been dont doesnt didnt cant wont its im ive thats whats "
	    "wheres yet just got this that which they them there "
	    "their pls plz thx ty hey hello hi nvm" },

	{ LI_DE, 1, "der die das den dem des und ist sind war waren ich du "
	    "er sie es wir ihr mein meine meinen meiner meinem dein "
	    "ein eine einen einem einer nicht kein keine keinen mit "
	    "für auf aus bei von zu zum zur nach vor über unter seit "
	    "bis wo wann warum wie was wer welche welcher welches "
	    "bitte danke dankeschön noch schon immer nur auch aber "
	    "oder wenn weil dass ob habe hab hast hat haben hatte "
	    "kann können koennt könnt kannst muss müssen soll will "
	    "möchte würde wurde wird werden gibt gibts geht ging "
	    "bekommen erhalten bestellt bestellung paket sendung "
	    "lieferung ware artikel geld zurück rückerstattung "
	    "erstattung gutschein größe farbe kaputt defekt falsch "
	    "falsche falschen stornieren storniert ändern adresse "
	    "konto rechnung versand versandkosten umtausch "
	    "rücksendung hallo moin servus grüße gruß mfg lg vg tag "
	    "tage woche wochen heute morgen gestern jetzt hier dort "
	    "sehr leider endlich mal ja nein jemand niemand nichts "
	    "etwas alles klar erledigt melden antwort angekommen "
	    "geliefert zugestellt schicken geschickt euch ihnen uns "
	    "mir mich dir dich sich ne nen isses gerne gern frage "
	    "fragen hallöchen huhu tschüss passt bekomme kommt kam "
	    "lange dauert denn doch eigentlich bestellen zahlen "
	    "bezahlt abgebucht wieder zwei drei einfach wirklich "
	    "nochmal vielleicht sofort bald kaufen gekauft im am ans "
	    "vom beim vielen viel dank schönes schönen schöne "
	    "wochenende tschüs bis dann perfekt klasse lieben "
	    "lieferfrist schweiz versand gratis zeigt seit wohin "
	    "genau kommt nie an" },
	{ LI_DE, 2, "und ist nicht ich mein meine bitte danke noch schon "
	    "habe hab hat wann warum wie wo gibt gibts kann können "
	    "könnt koennt bestellung paket lieferung zurück geld "
	    "größe kaputt moin grüße mfg leider auch aber wurde wird "
	    "jemand nichts sehr heute jetzt euch ihr mir mich dass "
	    "kein keine erledigt bekommen erhalten vielen schönes "
	    "wochenende" },

	{ LI_FR, 1, "le la les un une des du de au aux et est sont ai as a "
	    "ont je tu il elle on nous vous ils elles mon ma mes ton "
	    "ta ses son sa votre vos notre nos ce cet cette ces ça "
	    "qui que quoi quand comment pourquoi ou où pas ne plus "
	    "rien jamais toujours tjs encore déjà très trop bien bon "
	    "bonne merci bonjour bonsoir salut slt coucou svp stp "
	    "plait commande commandé colis livraison livré reçu "
	    "remboursement rembourser remboursé retour renvoyer "
	    "taille couleur annuler annulez adresse compte aide "
	    "produit article cassé abîmé mauvais mauvaise avec pour "
	    "sur dans par chez sans depuis jours semaine semaines "
	    "aujourdhui demain hier maintenant peux pouvez peut veux "
	    "voudrais voulez faut fait faire suis êtes était avez "
	    "avoir être quelquun personne dispo disponible daccord "
	    "oui non mdr jai nai cest jsuis chui ya vraiment combien "
	    "reçue envoyé envoyer normalement alors donc aussi leur "
	    "leurs moi toi lui eux vais va vont allez avait pouvoir "
	    "besoin quelque chose cordialement madame monsieur "
	    "répondre réponse nouvelles truc marche en" },
	{ LI_FR, 2, "est je vous nous mon ma mes pas ne cest jai nai merci "
	    "bonjour bonsoir salut slt coucou svp stp colis commande "
	    "reçu toujours rien avec pour dans depuis peux pouvez "
	    "veux voudrais suis avez être très déjà quoi pourquoi "
	    "comment quand ça oui mdr tjs dispo daccord cordialement "
	    "aujourdhui" },

	{ LI_ES, 1, "el la los las un una unos unas y e o es son está están "
	    "estoy estás fue era soy yo tú usted ustedes él ella "
	    "nosotros mi mis su sus me te se le les lo nos que qué "
	    "quien cual cuál cuando cuándo donde dónde como cómo "
	    "porque por para con sin del al en de pero muy más ya "
	    "aún todavía nada nunca siempre también hay hace tengo "
	    "tiene tienen tienes quiero quisiera necesito puedo "
	    "pueden puede podría gracias hola buenas buenos días "
	    "adiós porfa favor pedido paquete envío llegó llegado "
	    "llega recibí reembolso devolución dinero talla cancelar "
	    "cancelen dirección cuenta ayuda producto roto rota "
	    "equivocado equivocada compra cobraron semana semanas "
	    "hoy mañana ayer ahora aquí alguien nadie algo todo bien "
	    "mal sí vale oye pues bueno jaja xq pq q tmb ese esa eso "
	    "este esto otro otra mucho poco hasta desde dale saludos "
	    "llegó mandaron mandar enviar revisar sigo espero "
	    "esperando también hacen sirve funciona chicos gracias "
	    "no porfavor" },
	{ LI_ES, 2, "el los las es está están estoy y pero muy hay tengo "
	    "tiene quiero necesito puedo pueden gracias hola buenas "
	    "porfa pedido llegó llego reembolso devolución dinero "
	    "talla dirección cuenta todavía ya aún nada ahora aquí "
	    "alguien nadie oye pues jaja usted ustedes cuando donde "
	    "cómo qué también hoy ayer mañana equivocado cobraron "
	    "porfavor" },

	{ LI_IT, 1, "il lo la i gli le un uno una e è ed o non che chi cosa "
	    "come quando dove perché quale quanto quanti mio mia "
	    "miei mie tuo tua suo sua nostro vostro io tu lui lei "
	    "noi voi loro mi ti ci vi si ne con per su da di del "
	    "della dello dei degli delle al alla allo ai agli alle "
	    "nel nella sul sulla dal dalla ma anche ancora già "
	    "sempre mai più molto tanto troppo poco solo ho hai ha "
	    "abbiamo avete hanno sono sei siamo siete era stato "
	    "stata fatto fare posso puoi può potete vorrei voglio "
	    "devo deve grazie ciao salve buongiorno buonasera "
	    "arrivederci favore ordine ordinato pacco spedizione "
	    "spedito consegna consegnato arrivato arrivata rimborso "
	    "reso soldi taglia colore annullare annullate indirizzo "
	    "conto aiuto prodotto articolo rotto rotta sbagliato "
	    "sbagliata settimana settimane giorni giorno oggi domani "
	    "ieri adesso ora qui qualcuno nessuno niente tutto bene "
	    "va sì no risposta rispondete qualcosa allora però "
	    "quindi xke nn cmq questo questa quello quella ricevuto "
	    "mandato inviato controllare posto trovato pronto novità "
	    "ce avete nero bianco rosso" },
	{ LI_IT, 2, "il gli è non che chi cosa perché mio mia ho hai ha sono "
	    "della del nel alla anche ancora già più molto grazie "
	    "ciao salve buongiorno buonasera ordine pacco spedizione "
	    "consegna arrivato arrivata rimborso soldi taglia "
	    "indirizzo rotto sbagliato sbagliata settimana settimane "
	    "giorni oggi adesso qualcuno nessuno niente vorrei "
	    "voglio potete posso puoi può rispondete però cmq xke "
	    "questo questa quello ricevuto novità pronto avete" },

	{ LI_PT, 1, "o a os as um uma uns umas e é ou não sim eu tu você "
	    "vocês vc vcs ele ela nós eles elas meu minha meus "
	    "minhas seu sua seus suas nosso que quem qual quando "
	    "onde como porque por para pra pro com sem do da dos das "
	    "no na nos nas ao em de mas muito mais já ainda nada "
	    "nunca sempre também tem tenho têm quero queria preciso "
	    "posso pode podem poderia obrigado obrigada valeu oi olá "
	    "bom boa dia tarde noite tchau favor pedido encomenda "
	    "entrega enviado chegou chegar chegaram recebi reembolso "
	    "estorno devolução dinheiro tamanho cor cancelar "
	    "endereço conta ajuda produto quebrado quebrada errado "
	    "errada compra cobrado semana semanas hoje amanhã ontem "
	    "agora aqui alguém ninguém algo tudo bem está estão "
	    "estou foi era ser estar fazer faz cadê né tá pq vlw blz "
	    "kkk kkkk beleza frete rastreio parcelar boleto pix nota "
	    "fiscal veio isso esse essa deixa achei ai demora dúvida" },
	{ LI_PT, 2, "não sim você vocês vc vcs eu meu minha tem tenho quero "
	    "preciso posso obrigado obrigada valeu oi olá pedido "
	    "encomenda chegou recebi dinheiro tamanho endereço ainda "
	    "também agora hoje ontem alguém ninguém tudo está estou "
	    "cadê né tá vlw blz kkk kkkk frete rastreio parcelar "
	    "boleto pix veio isso esse essa muito pra com" },

	{ LI_NL, 1, "de het een en is zijn was waren ik jij je u hij zij ze "
	    "wij we jullie mijn jouw uw haar ons onze hun niet geen "
	    "wel met voor op aan in uit bij van naar tot over door "
	    "om als dan dat die dit deze wat wie waar wanneer waarom "
	    "hoe welke maar of ook nog al heel erg veel meer graag "
	    "alstublieft aub alsjeblieft dank bedankt dankjewel "
	    "hallo hoi goedemorgen goedemiddag dag doei groetjes "
	    "bestelling besteld pakket pakketje verzending verzonden "
	    "bezorgd geleverd ontvangen terug geld terugbetaling "
	    "retour maat kleur annuleren adres account hulp product "
	    "artikel kapot verkeerd verkeerde week weken dagen "
	    "vandaag morgen gisteren nu hier daar iemand niemand "
	    "niks niets iets alles ja nee heb hebt heeft hebben had "
	    "kan kunt kunnen wil wilt willen moet moeten zou zal "
	    "wordt worden gaat komt kwam gekregen krijg stuur sturen "
	    "gestuurd even nieuws reactie prima gevonden laat kijken" },
	{ LI_NL, 2, "het een ik jij je jullie mijn niet geen wel naar dat "
	    "die dit wat waar wanneer waarom hoe ook nog graag aub "
	    "dank bedankt dankjewel hoi groetjes bestelling besteld "
	    "pakket pakketje verzending bezorgd geleverd ontvangen "
	    "terug geld maat kleur kapot verkeerd verkeerde vandaag "
	    "gisteren iemand niemand niks niets iets heb hebt heeft "
	    "hebben kan kunt kunnen wil moet zou gaat komt gekregen "
	    "krijg sturen gestuurd nieuws" },

	{ LI_PL, 1, "i w z na do nie tak jest są był była było to ten ta te "
	    "co jak kiedy gdzie dlaczego czemu czy który która które "
	    "ja ty on ona my wy oni mój moja moje twój nasz wasz "
	    "jego jej ich mnie mi się ze że od po za przez dla bez "
	    "przy o ale lub albo już jeszcze nadal bardzo tylko też "
	    "proszę dziękuję dzięki cześć hej witam dzień dobry "
	    "pozdrawiam zamówienie zamówiłem zamówiłam paczka paczki "
	    "paczkę przesyłka dostawa wysyłka zwrot pieniądze "
	    "rozmiar kolor anulować adres konto pomoc produkt towar "
	    "zepsuty uszkodzony zły tydzień tygodnie dni dzisiaj "
	    "dziś jutro wczoraj teraz tutaj ktoś nikt nic coś "
	    "wszystko dobrze mam ma mają macie mogę może możecie "
	    "chcę chciałbym muszę został została przyszło przyszedł "
	    "doszła dotarła spoko jakieś info odpowiedź sprawdzić "
	    "znalazłem" },
	{ LI_PL, 2, "nie jest są czy jak gdzie kiedy dlaczego czemu się że "
	    "już jeszcze bardzo też proszę dziękuję dzięki cześć "
	    "witam dzień dobry zamówienie paczka paczki paczkę "
	    "przesyłka zwrot pieniądze rozmiar zły dzisiaj wczoraj "
	    "teraz ktoś nikt coś wszystko dobrze mam macie mogę może "
	    "możecie chcę spoko jakieś prosze dziekuje dzieki czesc "
	    "zamowienie juz moge" },

	{ LI_SV, 1, "och i på att är var det den en ett jag du han hon vi ni "
	    "de mig dig oss er min mitt mina din ditt ert sin inte "
	    "ingen inget med för till från av om som men eller när "
	    "vad vem varför hur vilken också redan fortfarande bara "
	    "mycket mer tack hej hejsan tja hallå god beställning "
	    "beställt paket paketet leverans levererad skickat "
	    "skicka pengarna pengar tillbaka återbetalning retur "
	    "storlek färg avbryt adress konto hjälp produkt vara "
	    "trasig trasigt fel vecka veckor dagar idag imorgon igår "
	    "nu här har någon något allt bra ja nej hade kan kunde "
	    "vill ska skulle måste blir blev fått fick kom kommer "
	    "finns gärna mvh grejer kolla strunta hittade nytt svara "
	    "mottaget" },
	{ LI_SV, 2, "och är att inte från när vad varför hur också "
	    "fortfarande mycket hej hejsan tja hallå beställning "
	    "beställt paketet leverans skickat pengarna tillbaka "
	    "storlek färg trasig trasigt vecka veckor dagar idag "
	    "igår här någon något kunde ska skulle måste fått fick "
	    "finns gärna mvh grejer kolla svara tack" },

	{ LI_DA, 1, "og i på at er var det den en et jeg du han hun vi de "
	    "mig dig os jer min mit mine din dit sin ikke ingen "
	    "intet med for til fra af om som men eller når hvornår "
	    "hvad hvem hvorfor hvordan hvilken også allerede stadig "
	    "bare meget mere tak hej goddag bestilling bestilt pakke "
	    "pakken levering leveret sendt sende pengene penge "
	    "tilbage tilbagebetaling returnere størrelse farve "
	    "annuller adresse konto hjælp produkt vare stykker "
	    "forkert forkerte uge uger dage dag nu her nogen noget "
	    "alt godt ja nej har havde kan kunne vil skal skulle må "
	    "bliver blev fået fik kom kommet kommer findes gerne "
	    "nogle svar svarer hurtige" },
	{ LI_DA, 2, "af hvad hvornår hvorfor hvordan jer intet tilbage "
	    "tilbagebetaling farve hjælp uge uger dage fået fik "
	    "findes noget nogle nu stykker forkerte godt mobilepay "
	    "kassen" },

	{ LI_NO, 1, "og i på at er var det den en et jeg du han hun vi dere "
	    "de meg deg oss min mitt mine din ditt sin ikke ingen "
	    "med for til fra av om som men eller når hva hvem "
	    "hvorfor hvordan hvilken også allerede fortsatt bare mye "
	    "mer takk hei bestilling bestilt pakke pakken levering "
	    "levert sendt sende pengene penger tilbake "
	    "tilbakebetaling retur størrelse farge kanseller adresse "
	    "konto hjelp produkt vare ødelagt feil uke uker dager "
	    "dag nå her noen noe alt bra ja nei har hadde kan kunne "
	    "vil skal skulle må blir ble fått fikk kom kommet kommer "
	    "finnes gjerne svar svarer raskt" },
	{ LI_NO, 2, "hva dere meg deg takk hei fortsatt mye tilbake "
	    "tilbakebetaling farge hjelp ødelagt uke uker dager nå "
	    "noe hadde ble fått fikk finnes gjerne penger vipps "
	    "ikkje kva levert raskt knust" },

	{ LI_FI, 1, "ja on ei en et ole oli olen minä mä sinä sä hän me te "
	    "he minun sinun meidän teidän se ne tämä tuo mikä mitä "
	    "missä milloin miksi miten kuka voi voinko voitteko "
	    "kiitos kiitti moi hei terve tilaus tilauksen tilasin "
	    "paketti pakettia toimitus toimitettu lähetys rahat "
	    "takaisin palautus koko väri peruuttaa osoite tili apua "
	    "tuote rikki väärä väärän viikko viikkoa päivää tänään "
	    "huomenna eilen nyt täällä joku kukaan mitään kaikki "
	    "hyvä kyllä joo vielä jo vain myös mutta tai kun että "
	    "jos koska onko eikö saanut tullut sain vastaa vastaus "
	    "nopeasta edelleen kahdesti" },
	{ LI_FI, 2, "on ei ole oli olen minä mä sinä sä hän minun se tämä "
	    "mikä mitä missä milloin miksi miten voinko kiitos "
	    "kiitti moi tilaus tilauksen tilasin paketti pakettia "
	    "rahat takaisin väärä väärän tänään eilen kyllä joo "
	    "vielä vain myös mutta että koska onko eikö saanut "
	    "tullut kukaan mitään" },

	{ LI_TR, 1, "ve bir bu şu o ben sen biz siz onlar benim senin bizim "
	    "sizin ne neden niye nasıl nerede nerde zaman hangi kim "
	    "mi mı mu mü var yok değil ile için gibi daha çok en ama "
	    "fakat veya ya hala henüz artık sadece da de ki lütfen "
	    "teşekkürler teşekkür sağol sağolun merhaba selam slm "
	    "iyi günler akşamlar sipariş siparişim kargo kargom "
	    "paket iade para geri beden renk iptal adres hesap "
	    "yardım ürün kırık bozuk yanlış hafta gün bugün yarın "
	    "dün şimdi burada biri kimse hiç şey her tamam tamamdır "
	    "evet hayır olur oldu geldi gelmedi istiyorum lazım "
	    "miyim misiniz musunuz bekliyorum cevap boşverin buldum "
	    "aldım kontrol gelişme" },
	{ LI_TR, 2, "bir bu ben sen siz benim neden niye nasıl nerede nerde "
	    "hangi var yok değil için gibi daha çok ama hala henüz "
	    "sadece lütfen teşekkürler teşekkür sağol sağolun "
	    "merhaba selam slm günler sipariş siparişim kargo kargom "
	    "iade para geri beden renk iptal yardım ürün kırık bozuk "
	    "yanlış bugün yarın dün şimdi kimse hiç şey tamam "
	    "tamamdır evet hayır geldi gelmedi istiyorum lazım miyim "
	    "misiniz musunuz bekliyorum cevap degil icin lutfen "
	    "tesekkurler siparis yanlis" },

	{ LI_ID, 1, "saya aku kamu anda dia kami kita mereka ini itu yang "
	    "dan atau di ke dari untuk dengan pada tidak tdk gak ga "
	    "nggak enggak belum sudah udah sdh juga tapi tetapi "
	    "karena kalau kalo jika bisa bs mau ingin harus sedang "
	    "lagi masih akan ada apa siapa kapan dimana mana kenapa "
	    "mengapa bagaimana gimana berapa kak kakak gan sis min "
	    "admin terima kasih makasih mksh tolong mohon maaf halo "
	    "hai selamat pagi siang sore malam pesanan pesan barang "
	    "paket kiriman pengiriman dikirim sampai sampe datang "
	    "uang dana kembali ukuran warna batal alamat akun bayar "
	    "harga diskon rusak salah minggu hari besok kemarin "
	    "sekarang sini semua baik ya iya dong deh sih kok nih "
	    "tuh aja banget lho saja cuma nanya tanya retur ongkir "
	    "gratis cicilan resi katanya nyampe balikin dibales "
	    "kirim boleh" },
	{ LI_ID, 2, "tidak tdk gak ga nggak enggak udah sdh kalo bisa mau "
	    "kapan dimana gimana bagaimana kak kakak gan makasih "
	    "mksh uang ukuran dikirim pengiriman kiriman sampe dong "
	    "deh sih kok nih tuh aja banget lho ongkir cicilan resi "
	    "nanya nyampe balikin dibales kemarin besok iya pake "
	    "dibatalin dateng abis udh gk ngga" },

	{ LI_MS, 1, "saya aku awak kamu anda dia kami kita mereka ini itu "
	    "yang dan atau di ke dari untuk dengan pada tidak tak tk "
	    "belum sudah dah juga tapi tetapi sebab kerana kalau "
	    "jika boleh nak mahu ingin perlu sedang lagi masih akan "
	    "ada apa siapa bila mana kenapa mengapa macam berapa "
	    "encik cik terima kasih tolong mohon maaf hai helo "
	    "selamat pagi pesanan barang bungkusan parcel "
	    "penghantaran hantar sampai duit wang balik bayaran saiz "
	    "warna batal alamat akaun bayar harga diskaun rosak "
	    "salah minggu hari esok semalam sekarang sini semua baik "
	    "ya je lah kan pun sangat betul tu ni dapat tau takde "
	    "tiada pasal lepas kedai percuma kasut stok pulangkan "
	    "guna terima tak boleh" },
	{ LI_MS, 2, "tk dah nak mahu kerana sebab bila macam encik cik "
	    "bungkusan penghantaran hantar duit wang kat saiz "
	    "akaun diskaun rosak esok semalam je lah betul takde "
	    "tiada pasal lepas kedai percuma kasut pulangkan tak" },
	/* Malaysian chat: short forms, Manglish and words Indonesian
	 * writes otherwise (bole/bisa, x/tak/gak, faham/paham, basuh/cuci) */
	{ LI_MS, 2, "tq tqvm tenkiu bole blh nk nok dh xde xda xleh "
	    "xboleh xpe xpa tade korang kitorang dorang diorang camne "
	    "camana cmne mcm camtu camni sbb ambik amik ckp cakap mmg "
	    "sgt sngt btul poslaju ansuran bajet selesa berbaloi "
	    "basuh tercabut koyak rabak kaunter agaknya orait faham "
	    "semak terbayar tempah tempahan cadangkan brape awat "
	    "habaq pasai sikit sket lawa comel gempak syok giler "
	    "terer jom poskod pejabat kurier cawangan kutip harini "
	    "geram hampeh lembap pastu lepastu bagitau bgtau "
	    "bagitahu beritahu jer ker cik tengok "
	    "sampai2 lagi2 lama2 tunggu2 "
	    "kedai2 sini2 ringgit rm kecik besar2 "
	    "kalis lasak haritu tadi2 sampaikan "
	    "dapatkan bungkusan posmen "
	    "bayaq tau2 baki kemek penghantar" },
	{ LI_MS, 1, "sy utk dgn tgk skrg nnti lg blm bkn brp dpt bagi "
	    "memang sedap senget padu tudung mane ape ni tu kot "
	    "la pun je kan ke cek" },
	{ LI_ID, 1, "sy utk dgn tgk skrg nnti lg blm bkn brp dpt" },
	/* short lines the corpus showed und or wrong (issue 16): Swedish
	 * shop words ("igen" is Swedish, Danish and Norwegian too, not
	 * only Hungarian), Italian and Russian chat words */
	{ LI_SV, 2, "skickas skickats leveranstid uppfattat tackar kvall "
	    "avbestalla avboka sparningsnummer ingar grannen skickad "
	    "fraktsedel fraktsedelnummer lamnat lagret noterat skrap "
	    "minska antalet nekad bestallningen kvitto ombud "
	    "utlamningsstalle mejladress laddkabel saknas hamta "
	    "returnera ordern" },
	{ LI_SV, 1, "igen leveransen flyttad morgon bomull krossat emot rea "
	    "handla andra" },
	{ LI_DA, 1, "igen" },
	{ LI_NO, 1, "igen" },
	{ LI_IT, 2, "tempi arrivate perfetto gentilissima gentilissimo "
	    "cancellare eliminare accedere riesco calzano arriva "
	    "funziona colori sconti isole corriere spedita regolare "
	    "truffatori compatibile partito scrivere supplemento" },
	{ LI_IT, 1, "saldi entro portata" },
	{ LI_RU, 2, "отправлено отправили отправка отстой бракованное "
	    "ясненько удалить пришлите пжл сдэк" },
	{ LI_RU, 1, "окей кошмар рекомендую профиль" },

	{ LI_VI, 1, "tôi mình không được đã vâng chưa rồi đơn giao tiền hoàn "
	    "đổi chào hỏi nhiêu ngày tuần hôm của với nhưng thì này "
	    "đó đâu đang bị rất nhé nha vậy giúp nhận muốn giùm tui "
	    "khong ko dc duoc chua roi minh nhieu giup muon nhan nhe "
	    "vay dzay hok hong ib hàng shop ơi" },
	{ LI_VI, 2, "mình không được đã chưa rồi đơn tiền đổi nhiêu ngày "
	    "tuần hôm của với nhưng thì này đâu đang giúp nhận muốn "
	    "giùm khong ko dc duoc chua minh nhieu giup muon nhan "
	    "dzay hok freeship" },

	{ LI_CS, 1, "a i v ve z ze na do je jsou byl byla bylo to ten ta ty "
	    "co jak kdy kde proč který která já ty on ona my vy oni "
	    "můj moje moji tvůj náš váš jeho její jejich mi mě mne "
	    "se si že od po za pro bez při o ale nebo už ještě pořád "
	    "stále velmi moc jen taky také prosím děkuji díky ahoj "
	    "dobrý den zdravím objednávka objednávku objednal "
	    "objednala balík zásilka doprava doručení peníze vrácení "
	    "vrátit velikost barva zrušit adresa účet pomoc zboží "
	    "rozbité špatná špatnou týden dny dnes zítra včera teď "
	    "tady někdo nikdo nic něco všechno dobře ne ano mám má "
	    "máte můžu můžete chci potřebuji přišlo přišel nepřišlo "
	    "skladem dotaz nosím odpověď" },
	{ LI_CS, 2, "jsou byl byla proč který která můj moje že už ještě "
	    "pořád velmi prosím děkuji díky ahoj dobrý zdravím "
	    "objednávka objednávku balík zásilka peníze velikost "
	    "zrušit zboží špatná špatnou týden dnes zítra včera teď "
	    "někdo nikdo něco všechno dobře mám máte můžu můžete "
	    "chci přišlo přišel nepřišlo proc porad prosim dekuji "
	    "diky muzu" },

	{ LI_SK, 1, "a i v vo z zo na do je sú bol bola bolo to ten ta tie "
	    "čo ako kedy kde prečo ktorý ktorá ja ty on ona my vy "
	    "oni môj moja moje mi ma sa si že od po za pre bez pri o "
	    "ale alebo už ešte stále veľmi len tiež prosím ďakujem "
	    "vďaka ahoj dobrý deň objednávka objednávku balík "
	    "zásielka peniaze vrátenie veľkosť farba zrušiť adresa "
	    "účet pomoc tovar týždeň dni dnes zajtra včera teraz tu "
	    "niekto nikto nič niečo všetko dobre nie áno mám máte "
	    "môžem chcem prišlo prišiel neprišlo" },
	{ LI_SK, 2, "sú bol bola čo ako prečo ktorý môj ešte veľmi tiež "
	    "ďakujem vďaka deň zásielka peniaze veľkosť zrušiť "
	    "týždeň zajtra teraz niekto nikto nič niečo všetko nie "
	    "áno môžem chcem prišiel" },

	{ LI_RO, 1, "și în la de pe cu din pentru pt nu da este e sunt a "
	    "fost am ai au eu tu el ea noi voi ei ele meu mea mei "
	    "mele tău său nostru ce cine când unde cum care cât dar "
	    "sau încă deja mereu doar foarte mai tot mulțumesc mersi "
	    "bună ziua salut comanda comandă comanda coletul colet "
	    "livrare livrat livrarea banii bani înapoi rambursare "
	    "retur mărime marimea culoare culoarea anula anulați "
	    "adresa cont ajutor produs stricat spart greșit greșită "
	    "săptămână zile azi mâine ieri acum aici cineva nimeni "
	    "nimic ceva bine rog vreau pot puteți trebuie primit "
	    "trimis aveți răspunde răspunsul niciodată revine stoc "
	    "ramburs" },
	{ LI_RO, 2, "pentru pt este sunt fost eu noi voi meu mea când unde "
	    "cum care încă doar foarte mulțumesc mersi bună ziua "
	    "comanda comandă coletul colet livrare livrat livrarea "
	    "banii înapoi mărime culoarea greșit greșită săptămână "
	    "zile azi mâine acum aici cineva nimeni nimic ceva vreau "
	    "pot puteți trebuie primit trimis aveți niciodată "
	    "multumesc inapoi gresit" },

	{ LI_HU, 1, "a az és egy nem van vannak volt voltam én te ő mi ti "
	    "nekem neked ezt azt ez hogy mit mikor hol miért hogyan "
	    "melyik ki is még meg már csak nagyon több kérem "
	    "köszönöm köszi szia sziasztok helló jó napot rendelés "
	    "rendelést rendeltem csomag csomagot szállítás "
	    "kézbesítve pénz pénzem vissza visszatérítés méret "
	    "méretet szín színt törölni cím fiók segítség termék "
	    "hibás rossz törött hét hete nap napja ma holnap tegnap "
	    "most itt valaki senki semmi valami minden jól igen "
	    "kaptam küldtek megjött jött lehet kell szeretném tudom "
	    "válaszol választ érkezett" },
	{ LI_HU, 2, "és egy nem van volt én hogy mit mikor hol miért hogyan "
	    "még meg már csak nagyon kérem köszönöm köszi szia jó "
	    "napot rendelés rendelést rendeltem csomag csomagot "
	    "szállítás pénz vissza méret méretet szín rossz hét "
	    "tegnap most itt valaki senki semmi minden igen kaptam "
	    "küldtek lehet kell szeretném válaszol miert koszonom" },

	{ LI_RU, 1, "и в не на я что с он а как это по но они к у же вы за "
	    "бы так мой мне меня моя моё мои вам вас есть нет да где "
	    "когда почему зачем какой какая кто ещё еще уже только "
	    "очень пожалуйста спасибо здравствуйте привет добрый "
	    "день заказ заказал заказала посылка посылку доставка "
	    "доставлено пришел пришёл пришло пришла деньги вернуть "
	    "возврат размер цвет отменить отмените адрес помогите "
	    "товар сломан неделя недели дней сегодня завтра вчера "
	    "сейчас здесь никто ничего всё все хорошо можно нужно "
	    "надо хочу могу можете будет было был была если или "
	    "чтобы от до из для при без ответьте ладно" },
	{ LI_RU, 2, "что это он они меня мне моя мои есть нет где когда "
	    "почему какой кто ещё еще уже только очень пожалуйста "
	    "спасибо здравствуйте привет заказ заказал посылка "
	    "посылку пришел пришло деньги вернуть размер цвет "
	    "отмените помогите неделя недели сегодня вчера сейчас "
	    "здесь никто ничего хорошо можно нужно надо хочу могу "
	    "можете было был если или чтобы ответьте ладно товар "
	    "нужен нужна нужно" },

	{ LI_UK, 1, "і й в у не на я що з він а як це по але вони до ви за б "
	    "так мій моє мої мені мене вам вас є немає ні де коли "
	    "чому навіщо який яка хто щось ще вже тільки лише дуже "
	    "будь ласка дякую добрий день привіт вітаю замовлення "
	    "замовив замовила посилка посилку доставка доставлено "
	    "прийшов прийшло прийшла гроші повернути повернення "
	    "розмір колір скасувати скасуйте адреса допоможіть товар "
	    "зламаний тиждень тижні днів сьогодні завтра вчора зараз "
	    "тут хтось ніхто нічого все добре можна потрібно треба "
	    "хочу можу можете буде було був була якщо або щоб від із "
	    "для при без відповідь чекаю гаразд" },
	{ LI_UK, 2, "і що він вони це мій моє мої мені є немає ні чому який "
	    "яка хто щось ще вже тільки лише дуже будь ласка дякую "
	    "привіт вітаю замовлення замовив посилка посилку прийшов "
	    "прийшло гроші повернути розмір колір скасуйте тиждень "
	    "сьогодні вчора зараз тут хтось ніхто нічого можна "
	    "потрібно треба якщо або щоб від відповідь чекаю гаразд "
	    "гарного гарний гарна гарне потрібен" },

	{ LI_BG, 1, "и в не на аз че с той а как това по но те към до ли се "
	    "за да съм си е са бе беше моя мой ми мен вие вас къде "
	    "кога защо какво кой някой още вече само много моля "
	    "благодаря здравейте здрасти поръчка пратка доставка "
	    "пари върнете размер цвят адрес стока счупен седмица дни "
	    "днес утре вчера сега тук никой нищо всичко добре може "
	    "трябва искам мога ще няма има" },
	{ LI_BG, 2, "аз че съм това към къде кога защо какво някой още вече "
	    "моля благодаря здравейте здрасти поръчка пратка пари "
	    "върнете цвят стока счупен седмица сега никой нищо "
	    "всичко трябва искам мога ще няма" },

	/* More shop and chat words, by language. */
	{ LI_EN, 1, "check checked u r ur pls info question problem issue "
	    "received receive deliver late still yet soon asap hurry "
	    "quick fast slow price cost free discount coupon code "
	    "sale paid pay payment card account password login email "
	    "address shipping ship shipped store shop seller "
	    "customer service support size small large medium big "
	    "fits fitting black white blue red green gray grey pink "
	    "ordered purchase purchased exchange swap warranty "
	    "manual instructions battery charger cable screen phone "
	    "box label tracking number status update updates sorry "
	    "hope ty tysm appreciate awesome perfect nice love hate "
	    "terrible awful worst best bad worse disappointed happy "
	    "thanks again though anyway also maybe probably "
	    "definitely actually literally would like wanna gotta "
	    "kinda sorta wouldnt couldnt shouldnt wasnt werent aint" },
	{ LI_EN, 2, "would could should please pls received where's anyone "
	    "someone thank thanks delivered shipped tracking sorry "
	    "anyway though" },
	{ LI_DE, 1, "anfrage problem frage fragen lieferzeit verspätung zoll "
	    "zollgebühren rechnung mwst versandkostenfrei kostenlos "
	    "preis rabatt angebot kasse bezahlung überweisung karte "
	    "konto passwort anmelden einloggen email bestätigung "
	    "bestätigen nachricht antworten antwortet schreiben "
	    "geschrieben angerufen nummer sendungsnummer "
	    "trackingnummer status schwarz weiß weiss blau rot grün "
	    "grau klein groß gross passt umtauschen zurückschicken "
	    "zurückgeschickt erstattet garantie anleitung gerät akku "
	    "ladegerät kabel bildschirm handy karton schuhe jacke "
	    "hose leider schade super toll gut schlecht enttäuscht "
	    "zufrieden endlich schnell langsam sofort dringend "
	    "eigentlich schon wieder bisher niemals trotzdem deshalb "
	    "darum vielleicht wahrscheinlich" },
	{ LI_DE, 2, "nicht schon wieder leider bestellt geliefert "
	    "zurückgeschickt rückerstattung sendungsnummer "
	    "versandkostenfrei gerät ladegerät schuhe jacke dringend "
	    "trotzdem vielleicht endlich eigentlich kostenlos "
	    "überweisung" },
	{ LI_FR, 1, "question problème souci délai retard douane frais "
	    "facture tva gratuit prix promo réduction code paiement "
	    "carte compte mot passe connecter email confirmation "
	    "confirmer message répondre répondez écrit appelé numéro "
	    "suivi statut noir blanc bleu rouge vert gris petit "
	    "petite grand grande taille échanger échange renvoyé "
	    "remboursée garantie notice appareil batterie chargeur "
	    "câble écran portable carton chaussures veste pantalon "
	    "dommage super génial nul déçu contente content enfin "
	    "vite lentement urgent vraiment encore jamais pourtant "
	    "donc peut-être allo allô truc trucs quelquun ya "
	    "nimporte recevoir reçois attends attend" },
	{ LI_FR, 2, "vous nous pouvez voudrais reçu jamais encore toujours "
	    "livré remboursée chaussures veste déçu quelquun allo "
	    "nimporte attends" },
	{ LI_ES, 1, "pregunta problema duda demora retraso aduana gastos "
	    "factura iva gratis precio oferta descuento cupón código "
	    "pago tarjeta cuenta contraseña correo confirmación "
	    "confirmar mensaje responder respondan contestan escribí "
	    "llamé número seguimiento estado negro blanco azul rojo "
	    "verde gris pequeño chico grande talla cambiar cambio "
	    "devolver devolví garantía manual aparato batería "
	    "cargador cable pantalla celular móvil caja zapatos "
	    "chaqueta pantalón lástima genial mal decepcionado "
	    "contento rápido lento urgente realmente otra vez jamás "
	    "entonces quizás novedad novedades saludos alguna algún "
	    "cuánto cuanto dura original copia hacen envíos envio "
	    "aceptan contra entrega verdad lo la le nos" },
	{ LI_ES, 2, "ustedes pueden quiero novedad novedades saludos alguna "
	    "algún cuánto aceptan envíos contraseña celular chaqueta "
	    "zapatos decepcionado lástima porfavor entregado" },
	{ LI_IT, 1, "domanda problema dubbio ritardo dogana spese fattura "
	    "iva gratis gratuita prezzo offerta sconto codice "
	    "pagamento carta conto password email conferma "
	    "confermare messaggio rispondere risponde scritto "
	    "chiamato numero tracciamento stato nero bianco blu "
	    "rosso verde grigio piccolo piccola grande taglia "
	    "cambiare cambio restituire restituito garanzia manuale "
	    "dispositivo batteria caricatore cavo schermo cellulare "
	    "telefono scatola scarpe giacca pantaloni peccato bello "
	    "bella deluso contento veloce lento urgente davvero "
	    "ancora mai quindi forse buona giornata serve servono "
	    "torna disponibile spedite pagare contrassegno svizzera "
	    "buon ciaoo ciaooo grazieee ecco cè" },
	{ LI_IT, 2, "vorrei potete avete buona giornata serve torna spedite "
	    "contrassegno scarpe giacca deluso peccato davvero "
	    "cellulare caricatore ciaoo" },
	{ LI_PT, 1, "pergunta problema dúvida atraso alfândega taxa taxas "
	    "nota fiscal grátis preço oferta desconto cupom código "
	    "pagamento cartão conta senha email confirmação "
	    "confirmar mensagem responder respondam responde escrevi "
	    "liguei número rastreio rastreamento status preto branco "
	    "azul vermelho verde cinza pequeno pequena grande trocar "
	    "troca devolver devolvi garantia manual aparelho bateria "
	    "carregador cabo tela celular caixa tênis tenis sapato "
	    "jaqueta calça pena legal ruim decepcionado satisfeito "
	    "rápido devagar urgente mesmo outra vez nunca então "
	    "talvez novidade alguma algum quanto vezes terceira vez "
	    "pergunto mandar verificar consigo esqueci ficou fica "
	    "ficar zíper quebrou réplica original prova água cobrado "
	    "duas" },
	{ LI_PT, 2, "vocês você novidade alguma algum consigo esqueci ficou "
	    "zíper quebrou cartão senha tênis jaqueta calça celular "
	    "então talvez vezes respondam podem cobrado" },
	{ LI_NL, 1, "vraag probleem vertraging douane kosten factuur btw "
	    "gratis prijs aanbieding korting kortingscode betaling "
	    "betalen kaart wachtwoord inloggen email bevestiging "
	    "bevestigen bericht antwoord antwoorden reageert "
	    "reageren geschreven gebeld nummer status zwart wit "
	    "blauw rood groen grijs klein groot maat ruilen "
	    "terugsturen teruggestuurd garantie handleiding apparaat "
	    "batterij oplader kabel scherm telefoon doos schoenen "
	    "jas broek jammer super leuk mooi slecht teleurgesteld "
	    "tevreden snel langzaam dringend echt nooit altijd toch "
	    "misschien twee drie keer er weer nou zo aangekomen "
	    "waterdicht verzending verzendkosten vraagje" },
	{ LI_NL, 2, "nooit altijd misschien teleurgesteld aangekomen "
	    "waterdicht vraagje kortingscode terugsturen "
	    "teruggestuurd handleiding oplader schoenen twee keer "
	    "weer nou" },
	{ LI_PL, 1, "pytanie problem opóźnienie cło koszt faktura faktura "
	    "vat darmowa za darmo cena promocja rabat kod płatność "
	    "płacić karta hasło zalogować email potwierdzenie "
	    "wiadomość odpowiedź odpowiada odpisuje napisałem "
	    "napisałam dzwoniłem numer status czarny biały niebieski "
	    "czerwony zielony szary mały duży rozmiar wymienić "
	    "wymiana odesłać odesłałam gwarancja instrukcja "
	    "urządzenie bateria ładowarka kabel ekran telefon "
	    "pudełko buty kurtka spodnie szkoda super fajnie źle "
	    "rozczarowany zadowolony szybko wolno pilne naprawdę "
	    "znowu nigdy więc może potrzebuję potrzebuje poproszę "
	    "poprosze halo hejka pozdrawiam spoko siema" },
	{ LI_PL, 2, "potrzebuję potrzebuje poproszę poprosze pozdrawiam "
	    "hejka siema naprawdę znowu więc odpisuje napisałem "
	    "napisałam kurtka buty ładowarka" },
	{ LI_SV, 1, "fråga problem försening tull avgift faktura moms gratis "
	    "pris erbjudande rabatt rabattkod betalning betala kort "
	    "lösenord logga mejl bekräftelse bekräfta meddelande "
	    "svar svarar skrev ringde nummer spårning status svart "
	    "vit blå röd grön grå liten stor byta skicka tillbaka "
	    "garanti manual enhet batteri laddare kabel skärm "
	    "telefon mobil kartong skor jacka byxor synd toppen "
	    "jättebra dåligt besviken nöjd snabbt långsamt bråttom "
	    "verkligen aldrig alltid ändå kanske två tre gånger man "
	    "funkar" },
	{ LI_SV, 2, "fråga försening avgift rabattkod lösenord mejl skor "
	    "jacka byxor synd toppen jättebra besviken nöjd bråttom "
	    "verkligen alltid ändå kanske gånger funkar två aldrig" },
	{ LI_DA, 1, "spørgsmål problem forsinkelse told gebyr faktura moms "
	    "gratis pris tilbud rabat rabatkode betaling betale kort "
	    "adgangskode log mail bekræftelse bekræfte besked svar "
	    "svarer skrev ringede nummer sporing status sort hvid "
	    "blå rød grøn grå lille stor bytte sende garanti manual "
	    "batteri oplader kabel skærm telefon mobil kasse sko "
	    "jakke bukser ærgerligt super dårligt skuffet tilfreds "
	    "hurtigt langsomt haster virkelig aldrig altid alligevel "
	    "måske to tre gange ordre tager ændre ægte vandtæt "
	    "dårligt trukket lager" },
	{ LI_DA, 2, "spørgsmål forsinkelse rabatkode adgangskode bekræftelse "
	    "ringede hvid grøn ærgerligt skuffet haster alligevel "
	    "måske gange ordre tager ændre ægte vandtæt dårligt "
	    "aldrig aarhus københavn" },
	{ LI_NO, 1, "spørsmål problem forsinkelse toll gebyr faktura moms "
	    "gratis pris tilbud rabatt rabattkode betaling betale "
	    "kort passord logge epost bekreftelse bekrefte melding "
	    "svar svarer skrev ringte nummer sporing status svart "
	    "hvit blå rød grønn grå liten stor bytte sende garanti "
	    "manual batteri lader kabel skjerm telefon mobil eske "
	    "sko jakke bukser synd supert dårlig skuffet fornøyd "
	    "raskt sakte haster virkelig aldri alltid likevel "
	    "kanskje to tre ganger tar endre ekte vanntett frakt "
	    "igjen" },
	{ LI_NO, 2, "spørsmål rabattkode passord epost bekreftelse ringte "
	    "hvit grønn skuffet fornøyd likevel kanskje ganger aldri "
	    "endre ekte vanntett igjen bestillingen bergen oslo" },
	{ LI_FI, 1, "kysymys ongelma viive tulli maksu lasku alv ilmainen "
	    "hinta tarjous alennus alennuskoodi maksaa kortti "
	    "salasana kirjaudu sähköposti vahvistus viesti vastaus "
	    "vastaa kirjoitin soitin numero seuranta tila musta "
	    "valkoinen sininen punainen vihreä harmaa pieni iso "
	    "vaihtaa palauttaa takuu ohje laite akku laturi kaapeli "
	    "näyttö puhelin laatikko kengät takki housut harmi hieno "
	    "huono pettynyt tyytyväinen nopeasti hitaasti kiire "
	    "todella koskaan aina silti ehkä kaksi kolme kertaa "
	    "veloititte kahdesti" },
	{ LI_FI, 2, "kysymys ilmainen alennus salasana sähköposti vastaus "
	    "kirjoitin kengät takki pettynyt tyytyväinen kiire "
	    "todella koskaan silti ehkä kaksi kertaa veloititte "
	    "kahdesti" },
	{ LI_TR, 1, "soru sorun gecikme gümrük ücret fatura kdv ücretsiz "
	    "fiyat kampanya indirim kod ödeme kart hesap şifre giriş "
	    "mail onay mesaj cevap yazdım aradım numara takip durum "
	    "siyah beyaz mavi kırmızı yeşil gri küçük büyük "
	    "değiştirmek değişim garanti kılavuz cihaz pil şarj "
	    "kablo ekran telefon kutu ayakkabı mont pantolon yazık "
	    "süper güzel kötü hayal kırıklığı memnun hızlı yavaş "
	    "acil gerçekten asla hep yine belki iki üç kere kez alo "
	    "süresi kadar geçirmez günde bozuldu fermuar" },
	{ LI_TR, 2, "sorun gecikme gümrük ücretsiz indirim ödeme şifre giriş "
	    "yazdım aradım takip siyah beyaz kırmızı yeşil küçük "
	    "büyük değişim kılavuz ayakkabı yazık güzel kötü memnun "
	    "hızlı yavaş acil gerçekten belki süresi kadar geçirmez "
	    "günde bozuldu" },
	{ LI_ID, 1, "pertanyaan masalah telat bea cukai biaya faktur ppn "
	    "gratis harga promo diskon voucher kode pembayaran kartu "
	    "akun sandi password login email konfirmasi pesan balas "
	    "dibalas chat telepon nomor resi lacak status hitam "
	    "putih biru merah hijau abu kecil besar tukar retur "
	    "garansi manual baterai charger kabel layar hp kardus "
	    "sepatu jaket celana sayang bagus jelek kecewa puas "
	    "cepat lambat segera beneran lagi pernah selalu mungkin "
	    "dua tiga kali ori kw tahan air butuh nunggu cek dicek "
	    "batalin barangku garansinya ukurannya diterima saldo "
	    "kepotong" },
	{ LI_ID, 2, "telat biaya pembayaran kartu sandi lacak celana jelek "
	    "kecewa lambat beneran mungkin ori kw butuh nunggu cek "
	    "dicek batalin barangku garansinya ukurannya diterima "
	    "kepotong" },
	{ LI_MS, 1, "soalan masalah lewat kastam caj bil cukai percuma harga "
	    "promosi diskaun baucar kod bayaran kad akaun kata "
	    "laluan log masuk emel pengesahan mesej balas telefon "
	    "nombor tracking status hitam putih biru merah hijau "
	    "kelabu kecil besar tukar pulangkan waranti manual "
	    "bateri pengecas kabel skrin fon kotak kasut jaket "
	    "seluar sayang cantik teruk kecewa puas cepat lambat "
	    "segera betul-betul lagi pernah selalu mungkin dua tiga "
	    "kali tiruan kalis air perlukan tunggu check resit kena "
	    "sangkut kemek pecah order je apa2 lah" },
	{ LI_MS, 2, "soalan lewat kastam caj percuma baucar kad laluan emel "
	    "pengesahan mesej nombor kelabu pulangkan waranti "
	    "pengecas skrin fon kasut seluar teruk tiruan kalis "
	    "perlukan resit kena sangkut kemek takpe" },
	{ LI_CS, 1, "otázka problém zpoždění clo poplatek faktura dph zdarma "
	    "cena akce sleva kód platba zaplatit karta účet heslo "
	    "přihlásit email potvrzení zpráva odpověď odpovídá "
	    "napsal psal volal číslo sledování stav černá bílá modrá "
	    "červená zelená šedá malá velká vyměnit výměna vrátit "
	    "záruka návod zařízení baterie nabíječka kabel displej "
	    "telefon krabice boty bunda kalhoty škoda super špatně "
	    "zklamaný spokojený rychle pomalu naléhavé opravdu nikdy "
	    "vždy stejně možná dva tři krát jak dlouho trvá píše "
	    "doručeno nemám dobírku platit" },
	{ LI_CS, 2, "otázka zpoždění zaplatit heslo přihlásit potvrzení "
	    "zpráva odpověď napsal volal číslo sledování černá bílá "
	    "vyměnit výměna záruka nabíječka bunda kalhoty zklamaný "
	    "spokojený naléhavé opravdu nikdy možná dlouho trvá píše "
	    "doručeno nemám dobírku díky" },
	{ LI_RO, 1, "întrebare problemă întârziere vamă taxă factură gratuit "
	    "preț ofertă reducere cod plată card parolă email "
	    "confirmare mesaj răspuns scris sunat număr urmărire "
	    "status negru alb albastru roșu verde gri mic mare "
	    "schimb schimba returna garanție manual dispozitiv "
	    "baterie încărcător cablu ecran telefon cutie pantofi "
	    "geacă pantaloni păcat super rău dezamăgit mulțumit "
	    "repede încet urgent chiar niciodată mereu totuși poate "
	    "două trei ori venit spart cutia turtita fals poate "
	    "plata" },
	{ LI_RO, 2, "întrebare întârziere vamă preț reducere plată parolă "
	    "răspuns sunat număr urmărire negru albastru roșu "
	    "încărcător geacă păcat dezamăgit mulțumit totuși "
	    "niciodată două spart cutia turtita venit fals" },
	{ LI_HU, 1, "kérdés probléma késés vám díj számla áfa ingyenes ár "
	    "akció kedvezmény kuponkód fizetés kártya jelszó "
	    "bejelentkezés email visszaigazolás üzenet válasz írtam "
	    "hívtam szám követés állapot fekete fehér kék piros zöld "
	    "szürke kicsi nagy csere cserélni visszaküldeni garancia "
	    "útmutató eszköz akkumulátor töltő kábel kijelző telefon "
	    "doboz cipő kabát nadrág kár szuper rosszul csalódott "
	    "elégedett gyorsan lassan sürgős tényleg soha mindig "
	    "mégis talán kettő három szor kétszer eredeti vagy hamis "
	    "vízálló feketében címet vonták megváltoztathatom" },
	{ LI_HU, 2, "kérdés késés ingyenes kedvezmény fizetés jelszó üzenet "
	    "írtam hívtam fekete fehér kék piros zöld szürke kicsi "
	    "csere garancia töltő cipő kabát nadrág csalódott "
	    "elégedett gyorsan lassan sürgős tényleg soha talán "
	    "kétszer eredeti vagy hamis vízálló feketében" },
	{ LI_RU, 1, "вопрос проблема задержка таможня пошлина счет чек "
	    "бесплатно бесплатная бесплатный цена акция скидка "
	    "промокод оплата оплатить карта пароль войти почта "
	    "подтверждение сообщение ответ написал звонил номер трек "
	    "статус черный белый синий красный зеленый серый "
	    "маленький большой обменять обмен гарантия инструкция "
	    "устройство батарея зарядка кабель экран телефон коробка "
	    "обувь куртка штаны жаль супер отлично плохо разочарован "
	    "доволен быстро медленно срочно действительно никогда "
	    "всегда всё-таки может два три раза сколько идет "
	    "доставляете работает вообще моим телефоном новости вещи" },
	{ LI_RU, 2, "вопрос задержка таможня бесплатно бесплатная бесплатный "
	    "скидка оплатить пароль войти почта сообщение написал "
	    "звонил черный белый синий красный зеленый маленький "
	    "большой обменять инструкция устройство зарядка куртка "
	    "штаны жаль отлично плохо разочарован доволен быстро "
	    "срочно действительно никогда всегда сколько идет "
	    "работает вообще" },
	{ LI_UK, 1, "питання проблема затримка митниця мито рахунок чек "
	    "безкоштовно безкоштовна безкоштовний ціна акція знижка "
	    "промокод оплата оплатити картка пароль увійти пошта "
	    "підтвердження повідомлення відповідь написав дзвонив "
	    "номер трек статус чорний білий синій червоний зелений "
	    "сірий маленький великий обміняти обмін гарантія "
	    "інструкція пристрій батарея зарядка кабель екран "
	    "телефон коробка взуття куртка штани шкода супер чудово "
	    "погано розчарований задоволений швидко повільно "
	    "терміново справді ніколи завжди все-таки може два три "
	    "рази скільки йде доставляєте працює взагалі знайшла "
	    "знайшов новини речі" },
	{ LI_UK, 2, "питання затримка митниця безкоштовно безкоштовна "
	    "безкоштовний ціна знижка оплатити картка увійти пошта "
	    "повідомлення відповідь написав дзвонив чорний білий "
	    "синій червоний зелений сірий великий обміняти "
	    "інструкція пристрій взуття шкода чудово погано "
	    "розчарований задоволений швидко терміново справді "
	    "ніколи завжди скільки йде працює взагалі знайшла "
	    "знайшов новини речі" },
};
const size_t li_nword_lists = NELEM(li_word_lists);

const struct li_letter li_letters[] = {
	{ 0xF1, LI_ES, 2.5f }, { 0xBF, LI_ES, 2.5f }, { 0xA1, LI_ES, 2 },
	{ 0xE3, LI_PT, 2 }, { 0xE3, LI_VI, 1 },			/* ã */
	{ 0xF5, LI_PT, 2 }, { 0xF5, LI_VI, 1 },			/* õ */
	{ 0xE7, LI_PT, 1 }, { 0xE7, LI_FR, 1 }, { 0xE7, LI_TR, 1 },
	{ 0xDF, LI_DE, 3 },					/* ß */
	{ 0xE4, LI_DE, 1.2f }, { 0xE4, LI_SV, 1.2f }, { 0xE4, LI_FI, 1.5f },
	{ 0xE4, LI_SK, 0.8f },					/* ä */
	{ 0xF6, LI_DE, 1 }, { 0xF6, LI_SV, 1 }, { 0xF6, LI_FI, 1 },
	{ 0xF6, LI_TR, 1 }, { 0xF6, LI_HU, 1 },			/* ö */
	{ 0xFC, LI_DE, 1.2f }, { 0xFC, LI_TR, 1.2f }, { 0xFC, LI_HU, 1 },
	{ 0xE9, LI_FR, 0.6f }, { 0xE9, LI_ES, 0.3f }, { 0xE9, LI_PT, 0.3f },
	{ 0xE9, LI_IT, 0.2f }, { 0xE9, LI_CS, 0.4f }, { 0xE9, LI_HU, 0.6f },
	{ 0xE9, LI_SK, 0.3f }, { 0xE9, LI_VI, 0.4f },		/* é */
	{ 0xE8, LI_FR, 1.2f }, { 0xE8, LI_IT, 1.2f }, { 0xE8, LI_VI, 0.4f },
	{ 0xEA, LI_FR, 0.8f }, { 0xEA, LI_PT, 0.8f }, { 0xEA, LI_VI, 1 },
	{ 0xE0, LI_FR, 0.8f }, { 0xE0, LI_PT, 0.4f }, { 0xE0, LI_IT, 0.8f },
	{ 0xE0, LI_VI, 0.4f },					/* à */
	{ 0xF9, LI_FR, 1 }, { 0xF9, LI_IT, 1 }, { 0xF9, LI_VI, 0.4f },
	{ 0xF2, LI_IT, 1.5f }, { 0xF2, LI_VI, 0.4f },		/* ò */
	{ 0xEC, LI_IT, 1.5f }, { 0xEC, LI_VI, 0.4f },		/* ì */
	{ 0xED, LI_ES, 0.6f }, { 0xED, LI_PT, 0.6f }, { 0xED, LI_CS, 0.6f },
	{ 0xED, LI_HU, 0.5f }, { 0xED, LI_SK, 0.5f }, { 0xED, LI_VI, 0.4f },
	{ 0xF3, LI_ES, 0.6f }, { 0xF3, LI_PT, 0.6f }, { 0xF3, LI_PL, 0.8f },
	{ 0xF3, LI_HU, 0.6f }, { 0xF3, LI_CS, 0.2f }, { 0xF3, LI_VI, 0.4f },
	{ 0xFA, LI_ES, 0.6f }, { 0xFA, LI_PT, 0.6f }, { 0xFA, LI_CS, 0.6f },
	{ 0xFA, LI_HU, 0.5f }, { 0xFA, LI_SK, 0.5f }, { 0xFA, LI_VI, 0.4f },
	{ 0xE1, LI_ES, 0.6f }, { 0xE1, LI_PT, 0.6f }, { 0xE1, LI_CS, 0.6f },
	{ 0xE1, LI_HU, 0.6f }, { 0xE1, LI_SK, 0.6f }, { 0xE1, LI_VI, 0.4f },
	{ 0xE2, LI_FR, 0.6f }, { 0xE2, LI_PT, 0.6f }, { 0xE2, LI_RO, 1 },
	{ 0xE2, LI_VI, 1 },					/* â */
	{ 0xF4, LI_FR, 0.8f }, { 0xF4, LI_PT, 0.8f }, { 0xF4, LI_SK, 1 },
	{ 0xF4, LI_VI, 1 },					/* ô */
	{ 0xEB, LI_FR, 1 }, { 0xEB, LI_NL, 0.8f },		/* ë */
	{ 0xEF, LI_FR, 1 }, { 0xEF, LI_NL, 0.8f },		/* ï */
	{ 0xFB, LI_FR, 1.2f }, { 0xEE, LI_FR, 1 }, { 0xEE, LI_RO, 1.5f },
	{ 0x153, LI_FR, 2 },					/* œ */
	{ 0xE5, LI_SV, 1.5f }, { 0xE5, LI_DA, 1.5f }, { 0xE5, LI_NO, 1.5f },
	{ 0xE6, LI_DA, 2 }, { 0xE6, LI_NO, 2 },			/* æ */
	{ 0xF8, LI_DA, 2 }, { 0xF8, LI_NO, 2 },			/* ø */
	{ 0x105, LI_PL, 3 }, { 0x119, LI_PL, 3 }, { 0x142, LI_PL, 3 },
	{ 0x144, LI_PL, 3 }, { 0x15B, LI_PL, 3 }, { 0x17A, LI_PL, 3 },
	{ 0x17C, LI_PL, 3 }, { 0x107, LI_PL, 2.5f },		/* ą ę ł ń ś ź ż ć */
	{ 0x11B, LI_CS, 3 }, { 0x159, LI_CS, 3 }, { 0x16F, LI_CS, 3 },
	{ 0x161, LI_CS, 1.5f }, { 0x161, LI_SK, 1.5f },	/* ě ř ů š */
	{ 0x10D, LI_CS, 1.5f }, { 0x10D, LI_SK, 1.5f },	/* č */
	{ 0x17E, LI_CS, 1.5f }, { 0x17E, LI_SK, 1.5f },	/* ž */
	{ 0xFD, LI_CS, 1 }, { 0xFD, LI_SK, 1 },			/* ý */
	{ 0x165, LI_CS, 1 }, { 0x165, LI_SK, 1.2f },		/* ť */
	{ 0x10F, LI_CS, 1 }, { 0x10F, LI_SK, 1.2f },		/* ď */
	{ 0x148, LI_CS, 1 }, { 0x148, LI_SK, 1.2f },		/* ň */
	{ 0x13E, LI_SK, 3 }, { 0x13A, LI_SK, 3 }, { 0x155, LI_SK, 3 },
	{ 0x11F, LI_TR, 3 }, { 0x131, LI_TR, 3 },		/* ğ ı */
	{ 0x15F, LI_TR, 2.5f }, { 0x15F, LI_RO, 1 },		/* ş */
	{ 0x219, LI_RO, 3 }, { 0x21B, LI_RO, 3 }, { 0x163, LI_RO, 2 },
	{ 0x103, LI_RO, 2 }, { 0x103, LI_VI, 2 },		/* ă */
	{ 0x151, LI_HU, 3 }, { 0x171, LI_HU, 3 },		/* ő ű */
	{ 0x111, LI_VI, 3 }, { 0x1A1, LI_VI, 3 }, { 0x1B0, LI_VI, 3 },
	{ 0x456, LI_UK, 2.5f }, { 0x457, LI_UK, 3 }, { 0x454, LI_UK, 3 },
	{ 0x491, LI_UK, 3 },					/* і ї є ґ */
	{ 0x44B, LI_RU, 2 }, { 0x44D, LI_RU, 2 }, { 0x451, LI_RU, 2 },
	{ 0x44A, LI_RU, 0.5f }, { 0x44A, LI_BG, 1.5f },	/* ы э ё ъ */
};
const size_t li_nletters = NELEM(li_letters);

const struct li_suffix li_suffixes[] = {
	{ "ing", LI_EN, 0.5f }, { "ly", LI_EN, 0.3f },
	{ "ung", LI_DE, 0.7f }, { "keit", LI_DE, 1 }, { "lich", LI_DE, 0.7f },
	{ "chen", LI_DE, 0.5f }, { "schaft", LI_DE, 1 },
	{ "ment", LI_FR, 0.3f }, { "eux", LI_FR, 0.7f }, { "ais", LI_FR, 0.3f },
	{ "ait", LI_FR, 0.5f }, { "ez", LI_FR, 0.4f },
	{ "cion", LI_ES, 1 }, { "ciones", LI_ES, 1 }, { "mente", LI_ES, 0.2f },
	{ "cao", LI_PT, 1.2f }, { "coes", LI_PT, 1.2f }, { "inho", LI_PT, 0.8f },
	{ "inha", LI_PT, 0.8f }, { "mente", LI_PT, 0.2f },
	{ "zione", LI_IT, 1.2f }, { "zioni", LI_IT, 1.2f }, { "mente", LI_IT, 0.2f },
	{ "etto", LI_IT, 0.6f }, { "ggio", LI_IT, 0.8f },
	{ "heid", LI_NL, 1 }, { "lijk", LI_NL, 1 }, { "tje", LI_NL, 0.8f },
	{ "tjes", LI_NL, 1 },
	{ "osc", LI_PL, 0.8f }, { "owac", LI_PL, 0.8f }, { "owy", LI_PL, 0.5f },
	{ "arna", LI_SV, 0.7f }, { "erna", LI_SV, 0.5f },
	{ "ssa", LI_FI, 0.7f }, { "lla", LI_FI, 0.4f }, { "nen", LI_FI, 0.4f },
	{ "iyor", LI_TR, 1.2f }, { "yor", LI_TR, 0.6f }, { "lar", LI_TR, 0.5f },
	{ "ler", LI_TR, 0.4f }, { "misiniz", LI_TR, 1.5f },
	{ "nya", LI_ID, 0.6f }, { "nya", LI_MS, 0.3f }, { "kan", LI_ID, 0.4f },
	{ "kan", LI_MS, 0.4f },
	{ "ului", LI_RO, 1 }, { "ilor", LI_RO, 1 }, { "ati", LI_RO, 0.3f },
	{ "ovat", LI_CS, 0.5f }, { "ost", LI_CS, 0.2f },
	{ "nak", LI_HU, 0.3f }, { "nek", LI_HU, 0.5f }, { "ban", LI_HU, 0.3f },
	{ "ben", LI_HU, 0.3f }, { "seg", LI_HU, 0.4f },
	{ "ться", LI_RU, 0.5f }, { "ться", LI_UK, 0.3f }, { "ого", LI_RU, 0.3f },
	{ "ый", LI_RU, 1 }, { "ние", LI_RU, 0.6f }, { "ння", LI_UK, 1.2f },
	{ "ють", LI_UK, 0.5f },
};
const size_t li_nsuffixes = NELEM(li_suffixes);

const struct li_elision li_elisions[] = {
	{ "dell", LI_IT, 2 }, { "nell", LI_IT, 2 }, { "all", LI_IT, 1.5f },
	{ "dall", LI_IT, 2 }, { "sull", LI_IT, 2 }, { "quell", LI_IT, 2 },
	{ "un", LI_IT, 1.5f }, { "dov", LI_IT, 2 }, { "cos", LI_IT, 1.5f },
	{ "po", LI_IT, 1 }, { "c", LI_IT, 0.7f }, { "l", LI_IT, 0.5f },
	{ "d", LI_IT, 0.3f }, { "qu", LI_FR, 2 }, { "j", LI_FR, 2 },
	{ "n", LI_FR, 1.5f }, { "m", LI_FR, 1 }, { "t", LI_FR, 1 },
	{ "s", LI_FR, 1 }, { "jusqu", LI_FR, 2 }, { "lorsqu", LI_FR, 2 },
	{ "puisqu", LI_FR, 2 }, { "aujourd", LI_FR, 2 }, { "c", LI_FR, 0.7f },
	{ "l", LI_FR, 0.5f }, { "d", LI_FR, 0.5f },
};
const size_t li_nelisions = NELEM(li_elisions);

/*
 * Characters only Simplified Chinese writes, and the forms only Traditional
 * writes.  Left out on purpose: characters both scripts use (台 里 后 只 面
 * 干 着 才 周 表 云 系 准 松 范 余 志 冲), which tell nothing.  The
 * Traditional list ends with characters of written Cantonese.
 */
const char li_han_simplified[] =
	"这们个说发货单订码请谢时间还没来为对会过样吗问东买卖钱运费邮递"
	"长开关门边现实进给让认识话语读写学习经济颜号换坏质网购员务动态应该"
	"帮联络电脑机线页图书车轮转装备产厂价优钟点两万亿岁节气热饭裤袜带链"
	"锁钥错误烂脏旧选择觉听见视观试验检确证办处总结统计设满难欢爱亲妈"
	"儿孙师医药护肤头脸体华国汇韩湾广龙凤鱼鸟马驴鸡猫宝贝财账帐户银块币"
	"额补偿赔损伤谁从与刚将够须复讲谈论议记忆虽则尽烦标际输达续签"
	"丢积级红绿蓝黄条双张顶层场岛区县镇乡楼编挂险报关税据纸紧宽轻软凉湿"
	"净洁缩缝针纽绳载删录绑减赠礼评频题诉举维权响声乐灯压启显触键盘麦"
	"风锅壶饮粮饼盐酱猪鸭虾汤馆厅帘垫柜镜画册笔胶织绣绒丝绸缎衬夹围项环"
	"镯钻铜铁钢铝骑钓营发丽妆婴杂宠笼养剂调状况当迟赶领导负责罚骗诈铺"
	"闪贴仓库尔亚欧际卫视频赛辆驾驶险质盖层厕蚀碍庆阳阴钩铃锐锋"
	"顺须预领颗题额风飞馈饰驱验骂鲜鸣齐龄灭灵烧烫热爷牵犹独狮猎献环现"
	"疗监盏矿码础碍积称稳穷窝竞笋筑签粮紧纤纯纲纳纵纷纸纹纺线练组细"
	"终绍经绕绘给络绝统继绩续维绵综绿缓编缘缠缴罗罚罢羁翘耸职聪肃肠肤"
	"肿胀胁胆胜胧脉脏脐脑脚腊腾舆舰艰艺节芦苏苹茧荐荡荣药莱获莹营萝萤"
	"蔼虑虏虾虽蚁蚂蛮蜗衅补衬袄袭装裤见观规视览觉誉计订认讨让训议讯"
	"记讲讳讶许论设访证评识诉诊词译试诗诚话诞询该详语误诱说请诸诺读课谁"
	"调谅谈谊谋谎谓谜谢谣谦谨谱贝贞负贡财责贤败货质贩贪贫购贯贱贴贵贷贸"
	"费贺贼资赋赌赏赐赔赖赚赛赞赠赢赵趋跃践踪躯车轨轩转轮软轰轻载轿较辅"
	"辆辈辉输辖边辽达迁过迈运还这进远违连迟适选递逻遗邓邮邻郑鸽";
const char li_han_traditional[] =
	"這們個說發貨單訂碼請謝麼時間還沒來為對會過樣嗎問東買賣錢運費郵遞"
	"長開關門邊現實進給讓認識話語讀寫學習經濟顏號換壞質網購員務動態應該"
	"幫聯絡電腦機線頁圖書車輪轉裝備產廠價優鐘點兩萬億歲節氣熱飯褲襪帶鏈"
	"鎖鑰錯誤爛髒舊選擇覺聽見視觀試驗檢確證辦處總結統計設滿難歡愛親媽"
	"兒孫師醫藥護膚頭臉體華國匯韓灣廣龍鳳魚鳥馬驢雞貓寶貝財賬帳戶銀塊幣"
	"額補償賠損傷誰從與剛將夠須復講談論議記憶雖則盡煩標際輸達續簽"
	"丟積級紅綠藍黃條雙張頂層場島區縣鎮鄉樓編掛險報關稅據紙緊寬輕軟涼濕"
	"淨潔縮縫針紐繩載刪錄綁減贈禮評頻題訴舉維權響聲樂燈壓啟顯觸鍵盤麥"
	"風鍋壺飲糧餅鹽醬豬鴨蝦湯館廳簾墊櫃鏡畫冊筆膠織繡絨絲綢緞襯夾圍項環"
	"鐲鑽銅鐵鋼鋁騎釣營髮麗妝嬰雜寵籠養劑調狀況當遲趕領導負責罰騙詐鋪"
	"閃貼倉庫爾亞歐際衛視頻賽輛駕駛險質蓋層廁蝕礙慶陽陰鉤鈴銳鋒"
	"順鬚預領顆題額颱飛饋飾驅驗罵鮮鳴齊齡滅靈燒燙熱爺牽猶獨獅獵獻環現"
	"療監盞礦礎積稱穩窮窩競筍築簽簡糧緊纖純綱納縱紛紙紋紡練組細"
	"終紹經繞繪給絡絕統繼績續維綿綜綠緩編緣纏繳羅罰罷羈翹聳職聰肅腸膚"
	"腫脹脅膽勝朧脈臟臍腦腳臘騰輿艦艱藝節蘆蘇蘋範繭薦蕩榮藥萊獲瑩營蘿螢"
	"藹慮虜蝦雖蟻螞蠻蝸釁補襯襖襲裝褲見觀規視覽覺譽計訂認討讓訓議訊"
	"記講諱訝許論設訪證評識訴診詞譯試詩誠話誕詢該詳語誤誘說請諸諾讀課誰"
	"調諒談誼謀謊謂謎謝謠謙謹譜貝貞負貢財責賢敗貨質販貪貧購貫賤貼貴貸貿"
	"費賀賊資賦賭賞賜賠賴賺賽贊贈贏趙趨躍踐蹤軀車軌軒轉輪軟轟輕載轎較輔"
	"輛輩輝輸轄邊遼達遷過邁運還這進遠違連遲適選遞邏遺鄧郵鄰鄭鴿"
	"裡麵幹隻臺複鬆製準係鍾醜穀雲歷曆須餘誌錶衝週佔嘆纔"
	/* written Cantonese, which Hong Kong and Macau buyers write and
	 * Mandarin in Simplified characters does not: 唔 (not), 冇 (have
	 * not), 咗 (done), 嘅 (of), 啲 (some), 佢 (he), 喺 (at)... */
	"唔冇咗嘅啲㗎咩喺嚟佢睇嘢哋噉嗰攞搵揾乜嘞喎畀冚嘥咋啩嚿";
/* Kanji in their Japanese forms, which neither Chinese script writes. */
const char li_kanji_japanese[] =
	"売発変帰図対単円済駅楽気読両価払込様県営鉄転広沢応検験続経総関辺"
	"戻畳匂峠枠働実帯歩悪薬仏圧拡黒髪絵伝歳険剣桜涙壊頼説覧々";

const struct li_country li_countries[] = {
	{ "US", { "en", "es" } }, { "GB", { "en" } }, { "AU", { "en" } },
	{ "CA", { "en", "fr" } }, { "IE", { "en" } }, { "NZ", { "en" } },
	{ "SG", { "en", "zh-Hans", "ms" } }, { "PH", { "en" } },
	{ "IN", { "en" } }, { "ZA", { "en" } }, { "NG", { "en" } },
	{ "DE", { "de", "tr" } }, { "AT", { "de" } },
	{ "CH", { "de", "fr", "it" } }, { "LI", { "de" } },
	{ "LU", { "fr", "de" } }, { "FR", { "fr" } }, { "BE", { "nl", "fr" } },
	{ "MC", { "fr" } }, { "ES", { "es" } }, { "MX", { "es" } },
	{ "AR", { "es" } }, { "CO", { "es" } }, { "CL", { "es" } },
	{ "PE", { "es" } }, { "VE", { "es" } }, { "EC", { "es" } },
	{ "GT", { "es" } }, { "CU", { "es" } }, { "BO", { "es" } },
	{ "DO", { "es" } }, { "HN", { "es" } }, { "PY", { "es" } },
	{ "SV", { "es" } }, { "NI", { "es" } }, { "CR", { "es" } },
	{ "PA", { "es" } }, { "UY", { "es" } }, { "PR", { "es", "en" } },
	{ "IT", { "it" } }, { "SM", { "it" } }, { "BR", { "pt" } },
	{ "PT", { "pt" } }, { "AO", { "pt" } }, { "MZ", { "pt" } },
	{ "NL", { "nl" } }, { "SR", { "nl" } }, { "PL", { "pl" } },
	{ "SE", { "sv" } }, { "DK", { "da" } }, { "NO", { "no" } },
	{ "FI", { "fi", "sv" } }, { "TR", { "tr" } }, { "CY", { "el", "tr" } },
	{ "RU", { "ru" } }, { "BY", { "ru" } }, { "KZ", { "ru" } },
	{ "KG", { "ru" } }, { "UA", { "uk", "ru" } }, { "MD", { "ro", "ru" } },
	{ "IL", { "he", "ar", "ru" } }, { "SA", { "ar" } }, { "AE", { "ar", "en" } },
	{ "EG", { "ar" } }, { "KW", { "ar" } }, { "QA", { "ar" } },
	{ "BH", { "ar" } }, { "OM", { "ar" } }, { "JO", { "ar" } },
	{ "LB", { "ar", "fr" } }, { "IQ", { "ar" } }, { "MA", { "ar", "fr" } },
	{ "DZ", { "ar", "fr" } }, { "TN", { "ar", "fr" } },
	{ "JP", { "ja" } }, { "KR", { "ko" } }, { "CN", { "zh-Hans" } },
	{ "TW", { "zh-Hant" } }, { "HK", { "zh-Hant", "en" } },
	{ "MO", { "zh-Hant", "pt" } }, { "TH", { "th" } }, { "VN", { "vi" } },
	{ "ID", { "id" } }, { "MY", { "ms", "en", "zh-Hans" } },
	{ "BN", { "ms", "en" } }, { "CZ", { "cs" } }, { "SK", { "sk", "cs" } },
	{ "RO", { "ro" } }, { "HU", { "hu" } }, { "GR", { "el" } },
	{ "BG", { "bg" } },
};
const size_t li_ncountries = NELEM(li_countries);

const struct li_zone li_zones[] = {
	{ "Africa/Algiers", "DZ" }, { "Africa/Cairo", "EG" },
	{ "Africa/Casablanca", "MA" }, { "Africa/Johannesburg", "ZA" },
	{ "Africa/Lagos", "NG" }, { "Africa/Tunis", "TN" },
	{ "America/Anchorage", "US" }, { "America/Argentina/Buenos_Aires", "AR" },
	{ "America/Bahia", "BR" }, { "America/Belem", "BR" },
	{ "America/Bogota", "CO" }, { "America/Buenos_Aires", "AR" },
	{ "America/Cancun", "MX" }, { "America/Caracas", "VE" },
	{ "America/Chicago", "US" }, { "America/Cuiaba", "BR" },
	{ "America/Denver", "US" }, { "America/Edmonton", "CA" },
	{ "America/Fortaleza", "BR" }, { "America/Guatemala", "GT" },
	{ "America/Guayaquil", "EC" }, { "America/Halifax", "CA" },
	{ "America/Havana", "CU" }, { "America/La_Paz", "BO" },
	{ "America/Lima", "PE" }, { "America/Los_Angeles", "US" },
	{ "America/Manaus", "BR" }, { "America/Mexico_City", "MX" },
	{ "America/Monterrey", "MX" }, { "America/Montevideo", "UY" },
	{ "America/Montreal", "CA" }, { "America/New_York", "US" },
	{ "America/Panama", "PA" }, { "America/Phoenix", "US" },
	{ "America/Puerto_Rico", "PR" }, { "America/Recife", "BR" },
	{ "America/Santiago", "CL" }, { "America/Santo_Domingo", "DO" },
	{ "America/Sao_Paulo", "BR" }, { "America/Tijuana", "MX" },
	{ "America/Toronto", "CA" }, { "America/Vancouver", "CA" },
	{ "America/Winnipeg", "CA" }, { "Asia/Almaty", "KZ" },
	{ "Asia/Amman", "JO" }, { "Asia/Baghdad", "IQ" },
	{ "Asia/Bahrain", "BH" }, { "Asia/Bangkok", "TH" },
	{ "Asia/Beirut", "LB" }, { "Asia/Brunei", "BN" },
	{ "Asia/Calcutta", "IN" }, { "Asia/Chongqing", "CN" },
	{ "Asia/Dubai", "AE" }, { "Asia/Harbin", "CN" },
	{ "Asia/Ho_Chi_Minh", "VN" }, { "Asia/Hong_Kong", "HK" },
	{ "Asia/Istanbul", "TR" }, { "Asia/Jakarta", "ID" },
	{ "Asia/Jayapura", "ID" }, { "Asia/Jerusalem", "IL" },
	{ "Asia/Kolkata", "IN" }, { "Asia/Kuala_Lumpur", "MY" },
	{ "Asia/Kuching", "MY" }, { "Asia/Kuwait", "KW" },
	{ "Asia/Macau", "MO" }, { "Asia/Makassar", "ID" },
	{ "Asia/Manila", "PH" }, { "Asia/Muscat", "OM" },
	{ "Asia/Nicosia", "CY" }, { "Asia/Pontianak", "ID" },
	{ "Asia/Qatar", "QA" }, { "Asia/Riyadh", "SA" },
	{ "Asia/Saigon", "VN" }, { "Asia/Seoul", "KR" },
	{ "Asia/Shanghai", "CN" }, { "Asia/Singapore", "SG" },
	{ "Asia/Taipei", "TW" }, { "Asia/Tel_Aviv", "IL" },
	{ "Asia/Tokyo", "JP" }, { "Asia/Urumqi", "CN" },
	{ "Atlantic/Canary", "ES" }, { "Australia/Adelaide", "AU" },
	{ "Australia/Brisbane", "AU" }, { "Australia/Melbourne", "AU" },
	{ "Australia/Perth", "AU" }, { "Australia/Sydney", "AU" },
	{ "Europe/Amsterdam", "NL" }, { "Europe/Athens", "GR" },
	{ "Europe/Berlin", "DE" }, { "Europe/Bratislava", "SK" },
	{ "Europe/Brussels", "BE" }, { "Europe/Bucharest", "RO" },
	{ "Europe/Budapest", "HU" }, { "Europe/Chisinau", "MD" },
	{ "Europe/Copenhagen", "DK" }, { "Europe/Dublin", "IE" },
	{ "Europe/Helsinki", "FI" }, { "Europe/Istanbul", "TR" },
	{ "Europe/Kiev", "UA" }, { "Europe/Kyiv", "UA" },
	{ "Europe/Lisbon", "PT" }, { "Europe/London", "GB" },
	{ "Europe/Luxembourg", "LU" }, { "Europe/Madrid", "ES" },
	{ "Europe/Minsk", "BY" }, { "Europe/Monaco", "MC" },
	{ "Europe/Moscow", "RU" }, { "Europe/Nicosia", "CY" },
	{ "Europe/Oslo", "NO" }, { "Europe/Paris", "FR" },
	{ "Europe/Prague", "CZ" }, { "Europe/Rome", "IT" },
	{ "Europe/Sofia", "BG" }, { "Europe/Stockholm", "SE" },
	{ "Europe/Vienna", "AT" }, { "Europe/Warsaw", "PL" },
	{ "Europe/Zurich", "CH" }, { "Pacific/Auckland", "NZ" },
	{ "Pacific/Honolulu", "US" },
};
const size_t li_nzones = NELEM(li_zones);
