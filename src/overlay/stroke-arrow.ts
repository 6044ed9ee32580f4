import {
  BufferAttribute,
  BufferGeometry,
  CatmullRomCurve3,
  Color,
  ConeGeometry,
  DoubleSide,
  Group,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  Quaternion,
  RingGeometry,
  SphereGeometry,
  Vector3,
} from 'three';

const SAMPLES = 40;
const RADIAL = 10;
const UP = new Vector3(0, 1, 0);

/** How an arrow shows its motion. */
export type ArrowMarker = 'bead' | 'pinch' | 'hold';

const HOLD_SEGMENTS = 48;
const PINCHES = 4;

/** How an arrow looks: the step's colour, or a flash after a judged stroke. */
export type ArrowTone = 'idle' | 'active' | 'good' | 'wrong' | 'done';

const TONES: Record<ArrowTone, number> = {
  idle: 0x2ee6ff,
  active: 0x7dffb0,
  good: 0x3cff6e,
  wrong: 0xff4d4d,
  done: 0x9aa7b8,
};

/**
 * A 3D arrow along a curve through view-space points: a tube whose geometry is rewritten in
 * place each frame, a cone for the head and a glowing bead that travels from tail to head to
 * show the stroke's direction.
 */
export class StrokeArrow {
  readonly object = new Group();
  private readonly geometry = new BufferGeometry();
  private readonly positions = new Float32Array(SAMPLES * RADIAL * 3);
  private readonly normals = new Float32Array(SAMPLES * RADIAL * 3);
  private readonly material = new MeshStandardMaterial({
    roughness: 0.35,
    metalness: 0.1,
    transparent: true,
    opacity: 0.9,
  });
  private readonly beadMaterial = new MeshStandardMaterial({
    color: 0xffffff,
    emissive: 0xffffff,
    emissiveIntensity: 0.8,
  });
  private readonly head: Mesh;
  private readonly bead: Mesh;
  /** Second bead of the pinch marker: the two close together as they travel. */
  private readonly pinchBead: Mesh;
  /** Hold timer at the arrow's head: a faint ring and an arc that fills as the press is held. */
  private readonly holdRing: Mesh;
  private readonly holdFill: Mesh;
  private readonly holdMaterial = new MeshBasicMaterial({
    color: 0xffffff,
    transparent: true,
    opacity: 0.35,
    side: DoubleSide,
  });
  private readonly holdFillMaterial = new MeshBasicMaterial({ color: 0xffe066, side: DoubleSide });
  private readonly curve = new CatmullRomCurve3([], false, 'centripetal');
  private controlPoints: Vector3[] = [];
  // Scratch vectors reused every frame.
  private readonly point = new Vector3();
  private readonly tangent = new Vector3();
  private readonly normal = new Vector3();
  private readonly binormal = new Vector3();
  private readonly rotation = new Quaternion();
  private readonly color = new Color();

  /** @param marker how the arrow shows its motion: a travelling bead, a closing pinch, or a hold timer at the head */
  constructor(private readonly marker: ArrowMarker = 'bead') {
    this.geometry.setAttribute('position', new BufferAttribute(this.positions, 3));
    this.geometry.setAttribute('normal', new BufferAttribute(this.normals, 3));
    this.geometry.setIndex(tubeIndices());
    const tube = new Mesh(this.geometry, this.material);
    tube.frustumCulled = false;
    this.head = new Mesh(new ConeGeometry(1, 1, 20), this.material);
    this.bead = new Mesh(new SphereGeometry(1, 16, 12), this.beadMaterial);
    this.pinchBead = new Mesh(this.bead.geometry, this.beadMaterial);
    this.holdRing = new Mesh(new RingGeometry(0.75, 1, HOLD_SEGMENTS), this.holdMaterial);
    this.holdFill = new Mesh(
      new RingGeometry(0.75, 1, HOLD_SEGMENTS, 1, Math.PI / 2, -2 * Math.PI),
      this.holdFillMaterial,
    );
    this.object.add(tube, this.head, this.bead);
    if (marker === 'pinch') this.object.add(this.pinchBead);
    if (marker === 'hold') this.object.add(this.holdRing, this.holdFill);
    this.setTone('idle');
  }

  /** Fills the hold timer (0..1) while a press is held at the head. */
  /** Shows or hides the moving marker (the bead or the pinch); reduced motion leaves the arrow still. */
  setMarkerShown(shown: boolean): void {
    this.bead.visible = shown;
    this.pinchBead.visible = shown;
  }

  setHoldProgress(progress: number): void {
    const segments = Math.round(Math.max(0, Math.min(1, progress)) * HOLD_SEGMENTS);
    this.holdFill.geometry.setDrawRange(0, segments * 6);
  }

  /**
   * Lays the arrow along the first `count` of `points` (view space, world y up).
   * @param radius tube radius in view pixels (scale it with the face)
   * @param phase 0..1 position of the travelling bead
   */
  update(points: readonly Vector3[], count: number, radius: number, phase: number): void {
    if (count < 2) {
      this.object.visible = false;
      return;
    }
    this.object.visible = true;
    if (this.controlPoints.length !== count) {
      this.controlPoints = points.slice(0, count).map((p) => p.clone());
      this.curve.points = this.controlPoints;
    } else {
      for (let i = 0; i < count; i++) this.controlPoints[i]?.copy(points[i] as Vector3);
    }
    const headLength = radius * 4.5;
    const tubeEnd = Math.max(0.5, 1 - headLength / Math.max(this.curve.getLength(), 1e-3));
    for (let i = 0; i < SAMPLES; i++) {
      const u = (i / (SAMPLES - 1)) * tubeEnd;
      this.curve.getPointAt(u, this.point);
      this.curve.getTangentAt(u, this.tangent);
      // A ring around the tangent; the view axis (z) is never along a stroke drawn on the face.
      this.normal.set(0, 0, 1).cross(this.tangent).normalize();
      this.binormal.copy(this.tangent).cross(this.normal).normalize();
      const taper = radius * (0.55 + 0.45 * (i / (SAMPLES - 1)));
      for (let j = 0; j < RADIAL; j++) {
        const angle = (j / RADIAL) * Math.PI * 2;
        const c = Math.cos(angle);
        const s = Math.sin(angle);
        const k = (i * RADIAL + j) * 3;
        const nx = this.normal.x * c + this.binormal.x * s;
        const ny = this.normal.y * c + this.binormal.y * s;
        const nz = this.normal.z * c + this.binormal.z * s;
        this.normals[k] = nx;
        this.normals[k + 1] = ny;
        this.normals[k + 2] = nz;
        this.positions[k] = this.point.x + nx * taper;
        this.positions[k + 1] = this.point.y + ny * taper;
        this.positions[k + 2] = this.point.z + nz * taper;
      }
    }
    (this.geometry.getAttribute('position') as BufferAttribute).needsUpdate = true;
    (this.geometry.getAttribute('normal') as BufferAttribute).needsUpdate = true;
    this.geometry.computeBoundingSphere();

    this.curve.getPointAt(tubeEnd, this.point);
    this.curve.getTangentAt(tubeEnd, this.tangent);
    this.rotation.setFromUnitVectors(UP, this.tangent);
    this.head.quaternion.copy(this.rotation);
    this.head.scale.set(radius * 2.2, headLength, radius * 2.2);
    this.head.position.copy(this.point).addScaledVector(this.tangent, headLength / 2);

    if (this.marker === 'hold') {
      // The timer sits just past the head, where the press is held.
      this.holdRing.position
        .copy(this.head.position)
        .addScaledVector(this.tangent, headLength * 1.2);
      this.holdRing.position.z += radius;
      this.holdRing.scale.setScalar(radius * 3.2);
      this.holdFill.position.copy(this.holdRing.position);
      this.holdFill.position.z += 0.5;
      this.holdFill.scale.copy(this.holdRing.scale);
    }

    this.curve.getPointAt(phase * tubeEnd, this.point);
    this.bead.position.copy(this.point);
    this.bead.scale.setScalar(radius * 1.25);
    if (this.marker === 'pinch') {
      // Thumb and finger: two beads either side of the path that close PINCHES times on the way.
      this.curve.getTangentAt(phase * tubeEnd, this.tangent);
      this.normal.set(0, 0, 1).cross(this.tangent).normalize();
      const gap = radius * (0.9 + 1.6 * (0.5 + 0.5 * Math.cos(phase * 2 * Math.PI * PINCHES)));
      this.pinchBead.position.copy(this.point).addScaledVector(this.normal, -gap);
      this.bead.position.addScaledVector(this.normal, gap);
      this.pinchBead.scale.setScalar(radius * 1.1);
      this.bead.scale.setScalar(radius * 1.1);
    }
  }

  /** Colours the arrow. */
  setTone(tone: ArrowTone): void {
    this.color.setHex(TONES[tone]);
    this.material.color.copy(this.color);
    this.material.emissive.copy(this.color).multiplyScalar(0.35);
    this.beadMaterial.emissive.copy(this.color).lerp(new Color(0xffffff), 0.6);
  }

  hide(): void {
    this.object.visible = false;
  }

  dispose(): void {
    this.object.removeFromParent();
    this.geometry.dispose();
    this.head.geometry.dispose();
    this.bead.geometry.dispose();
    this.holdRing.geometry.dispose();
    this.holdFill.geometry.dispose();
    this.material.dispose();
    this.beadMaterial.dispose();
    this.holdMaterial.dispose();
    this.holdFillMaterial.dispose();
  }
}

function tubeIndices(): number[] {
  const indices: number[] = [];
  for (let i = 0; i < SAMPLES - 1; i++) {
    for (let j = 0; j < RADIAL; j++) {
      const a = i * RADIAL + j;
      const b = i * RADIAL + ((j + 1) % RADIAL);
      const c = (i + 1) * RADIAL + j;
      const d = (i + 1) * RADIAL + ((j + 1) % RADIAL);
      indices.push(a, c, b, b, c, d);
    }
  }
  return indices;
}
