package br.com.terceirizacs.processo;

/** A shape's bounds in diagram coordinates (y grows downwards), with the few geometric tests the diagram rules need. */
record Retangulo(double x, double y, double largura, double altura) {

    private static final double EPS = 1e-9;

    double direita() {
        return x + largura;
    }

    double baixo() {
        return y + altura;
    }

    Ponto centro() {
        return new Ponto(x + largura / 2, y + altura / 2);
    }

    Retangulo encolhido(double folga) {
        return new Retangulo(x + folga, y + folga, Math.max(0, largura - 2 * folga), Math.max(0, altura - 2 * folga));
    }

    /** Overlap by more than {@link RegrasDosDiagramas#FOLGA} in both directions; shapes that only touch do not count. */
    boolean sobrepoe(Retangulo o) {
        double dx = Math.min(direita(), o.direita()) - Math.max(x, o.x);
        double dy = Math.min(baixo(), o.baixo()) - Math.max(y, o.y);
        return dx > RegrasDosDiagramas.FOLGA && dy > RegrasDosDiagramas.FOLGA;
    }

    /** Whether {@code p} lies on this rectangle's outline, within {@link RegrasDosDiagramas#FOLGA}. */
    boolean temNaBorda(Ponto p) {
        double f = RegrasDosDiagramas.FOLGA;
        boolean dentroDaFaixaX = p.x() >= x - f && p.x() <= direita() + f;
        boolean dentroDaFaixaY = p.y() >= y - f && p.y() <= baixo() + f;
        boolean naHorizontal = dentroDaFaixaX && (Math.abs(p.y() - y) <= f || Math.abs(p.y() - baixo()) <= f);
        boolean naVertical = dentroDaFaixaY && (Math.abs(p.x() - x) <= f || Math.abs(p.x() - direita()) <= f);
        return naHorizontal || naVertical;
    }

    /** Whether the segment a-b touches this (closed) rectangle: an end inside, or a crossing of one of its sides. */
    boolean cortadoPor(Ponto a, Ponto b) {
        if (largura <= 0 || altura <= 0) {
            return false;
        }
        if (contem(a) || contem(b)) {
            return true;
        }
        Ponto ne = new Ponto(direita(), y);
        Ponto no = new Ponto(x, y);
        Ponto se = new Ponto(direita(), baixo());
        Ponto so = new Ponto(x, baixo());
        return encontro(a, b, no, ne) != null || encontro(a, b, ne, se) != null
                || encontro(a, b, se, so) != null || encontro(a, b, so, no) != null;
    }

    private boolean contem(Ponto p) {
        return p.x() >= x && p.x() <= direita() && p.y() >= y && p.y() <= baixo();
    }

    /**
     * Where segments p1-p2 and q1-q2 meet: null if they do not; the point if they cross or touch; for collinear
     * segments that share a stretch longer than {@link RegrasDosDiagramas#FOLGA}, the middle of that stretch (two
     * lines drawn on top of each other are never a shared end).
     */
    static Ponto encontro(Ponto p1, Ponto p2, Ponto q1, Ponto q2) {
        double rx = p2.x() - p1.x();
        double ry = p2.y() - p1.y();
        double sx = q2.x() - q1.x();
        double sy = q2.y() - q1.y();
        if (Math.abs(rx) + Math.abs(ry) < EPS || Math.abs(sx) + Math.abs(sy) < EPS) {
            return null; // a repeated waypoint draws nothing
        }
        double denominador = rx * sy - ry * sx;
        double qpx = q1.x() - p1.x();
        double qpy = q1.y() - p1.y();
        if (Math.abs(denominador) < EPS) {
            if (Math.abs(qpx * ry - qpy * rx) > EPS) {
                return null; // parallel, apart
            }
            return trechoComum(p1, p2, q1, q2);
        }
        double t = (qpx * sy - qpy * sx) / denominador;
        double u = (qpx * ry - qpy * rx) / denominador;
        if (t < -EPS || t > 1 + EPS || u < -EPS || u > 1 + EPS) {
            return null;
        }
        return new Ponto(p1.x() + t * rx, p1.y() + t * ry);
    }

    private static Ponto trechoComum(Ponto p1, Ponto p2, Ponto q1, Ponto q2) {
        boolean horizontalmente = Math.abs(p2.x() - p1.x()) >= Math.abs(p2.y() - p1.y());
        double a1 = horizontalmente ? p1.x() : p1.y();
        double a2 = horizontalmente ? p2.x() : p2.y();
        double b1 = horizontalmente ? q1.x() : q1.y();
        double b2 = horizontalmente ? q2.x() : q2.y();
        double inicio = Math.max(Math.min(a1, a2), Math.min(b1, b2));
        double fim = Math.min(Math.max(a1, a2), Math.max(b1, b2));
        if (fim < inicio - EPS) {
            return null;
        }
        double meio = fim - inicio > RegrasDosDiagramas.FOLGA ? (inicio + fim) / 2 : inicio;
        double t = (meio - a1) / (a2 - a1);
        return new Ponto(p1.x() + t * (p2.x() - p1.x()), p1.y() + t * (p2.y() - p1.y()));
    }
}

/** A point of a flow's line. */
record Ponto(double x, double y) {

    boolean perto(Ponto o) {
        return Math.abs(x - o.x) <= RegrasDosDiagramas.FOLGA && Math.abs(y - o.y) <= RegrasDosDiagramas.FOLGA;
    }
}
