package br.com.terceirizacs.whatsapp;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One WhatsApp send and its status timeline. Its unique idempotency key is the queue row. */
@Entity
@Table(name = "mensagens")
public class Mensagem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "fila_disparo_id")
    private Long filaDisparoId;

    @Column(name = "aluno_id")
    private Long alunoId;

    @Column(name = "chave_idempotencia")
    private String chaveIdempotencia;

    private String template;
    private String idioma;
    private String parametros;
    private String telefone;

    @Column(name = "phone_number_id")
    private String phoneNumberId;

    private String wamid;

    @Column(name = "wa_id")
    private String waId;

    @Enumerated(EnumType.STRING)
    private StatusMensagem status;

    @Column(name = "erro_codigo")
    private Integer erroCodigo;

    @Column(name = "erro_detalhe")
    private String erroDetalhe;

    private int tentativas;

    @Column(name = "enviando_em")
    private Instant enviandoEm;

    @Column(name = "enviada_em")
    private Instant enviadaEm;

    @Column(name = "entregue_em")
    private Instant entregueEm;

    @Column(name = "lida_em")
    private Instant lidaEm;

    @Column(name = "falhou_em")
    private Instant falhouEm;

    @Column(name = "criado_em")
    private Instant criadoEm;

    @Column(name = "atualizado_em")
    private Instant atualizadoEm;

    protected Mensagem() {
    }

    Mensagem(PedidoEnvio pedido, String parametrosJson, String phoneNumberId, Instant agora) {
        this.filaDisparoId = pedido.filaId();
        this.alunoId = pedido.alunoId();
        this.chaveIdempotencia = chave(pedido.filaId());
        this.template = pedido.template();
        this.idioma = pedido.idioma();
        this.parametros = parametrosJson;
        this.telefone = pedido.telefoneE164();
        this.phoneNumberId = phoneNumberId;
        this.status = StatusMensagem.NOVA;
        this.criadoEm = agora;
        this.atualizadoEm = agora;
    }

    static String chave(Long filaId) {
        return "fila:" + filaId;
    }

    /** Committed before the request leaves: from here on, a crash means "may have been sent". */
    void marcarEnviando(Instant agora) {
        this.status = StatusMensagem.ENVIANDO;
        this.tentativas++;
        this.enviandoEm = agora;
        this.atualizadoEm = agora;
    }

    void marcarAceita(String wamid, String waId, boolean simulada, Instant agora) {
        StatusMensagem aceita = simulada ? StatusMensagem.SIMULADA : StatusMensagem.ENVIADA;
        // a status webhook may have beaten Meta's HTTP answer here: never move the timeline back
        this.status = this.status.ordem() > aceita.ordem() ? this.status : aceita;
        this.wamid = wamid;
        this.waId = waId;
        this.enviadaEm = agora;
        this.erroCodigo = null;
        this.erroDetalhe = null;
        this.atualizadoEm = agora;
    }

    void marcarNaoEnviada(int codigo, String detalhe, Instant agora) {
        this.status = StatusMensagem.NAO_ENVIADA;
        registrarErro(codigo, detalhe, agora);
    }

    void marcarFalha(int codigo, String detalhe, Instant agora) {
        this.status = StatusMensagem.FALHOU;
        this.falhouEm = agora;
        registrarErro(codigo, detalhe, agora);
    }

    /** Meta's answer never came. A status webhook that already told us what happened (it can beat the answer) wins. */
    void marcarIncerta(String detalhe, Instant agora) {
        if (status.aceita() || status == StatusMensagem.FALHOU) {
            return;
        }
        this.status = StatusMensagem.INCERTA;
        this.erroDetalhe = detalhe;
        this.atualizadoEm = agora;
    }

    /**
     * An operator confirmed that an uncertain send reached the student: accepted as sent when the request left
     * (nothing is sent again); later statuses from Meta still move it forward.
     */
    void marcarEntreguePeloOperador(String detalhe, Instant agora) {
        this.status = StatusMensagem.ENVIADA;
        this.enviadaEm = this.enviandoEm != null ? this.enviandoEm : agora;
        this.erroCodigo = null;
        this.erroDetalhe = detalhe;
        this.atualizadoEm = agora;
    }

    /** A status webhook: the timeline only moves forward; a failure is always recorded. */
    boolean aplicarStatus(StatusMensagem novo, String wamid, Instant quando, Integer codigo, String detalhe, Instant agora) {
        if (this.wamid == null) {
            this.wamid = wamid;
        }
        switch (novo) {
            case ENVIADA -> this.enviadaEm = this.enviadaEm == null ? quando : this.enviadaEm;
            case ENTREGUE -> this.entregueEm = this.entregueEm == null ? quando : this.entregueEm;
            case LIDA -> {
                this.lidaEm = this.lidaEm == null ? quando : this.lidaEm;
                this.entregueEm = this.entregueEm == null ? quando : this.entregueEm;
            }
            case FALHOU -> {
                this.falhouEm = quando;
                this.erroCodigo = codigo;
                this.erroDetalhe = detalhe;
            }
            default -> {
            }
        }
        boolean avanca = novo == StatusMensagem.FALHOU || novo.ordem() > this.status.ordem();
        if (avanca) {
            this.status = novo;
        }
        this.atualizadoEm = agora;
        return avanca;
    }

    private void registrarErro(int codigo, String detalhe, Instant agora) {
        this.erroCodigo = codigo;
        this.erroDetalhe = detalhe == null || detalhe.length() <= 1000 ? detalhe : detalhe.substring(0, 1000);
        this.atualizadoEm = agora;
    }

    public Long getId() {
        return id;
    }

    public Long getFilaDisparoId() {
        return filaDisparoId;
    }

    public Long getAlunoId() {
        return alunoId;
    }

    public StatusMensagem getStatus() {
        return status;
    }

    public Instant getEnviadaEm() {
        return enviadaEm;
    }

    public String getWamid() {
        return wamid;
    }

    public String getWaId() {
        return waId;
    }

    public Integer getErroCodigo() {
        return erroCodigo;
    }

    public String getErroDetalhe() {
        return erroDetalhe;
    }
}
