package cn.henan.skills.circulation;

import org.springframework.data.jpa.repository.JpaRepository;

interface CirculationRepository extends JpaRepository<Circulation, String> {
}
